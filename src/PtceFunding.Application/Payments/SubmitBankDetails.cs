using PtceFunding.Application.Organisations;

namespace PtceFunding.Application.Payments;

/// <summary>
/// New bank details for an organisation, entered by one of its verified users or by a finance officer of
/// its territory. They wait for a finance officer's approval; a change still pending is replaced (one
/// pending change per organisation), and the organisation's verified users are told at once.
/// </summary>
[Allow(Audience.BankDetailsEditors)]
public sealed record SubmitBankDetails(Guid OrganisationId, string? HolderName, string? Iban, string? Bic) : ICommand<Result<SubmittedBankDetails>>;

public sealed record SubmittedBankDetails(Guid Id, BankAccountStatus Status, Guid? Replaced);

internal sealed class SubmitBankDetailsValidator : AbstractValidator<SubmitBankDetails>
{
    public SubmitBankDetailsValidator()
    {
        RuleFor(c => c.HolderName).NotEmpty().WithMessage("Indiquez le titulaire du compte, tel qu'il figure sur le RIB.")
            .MaximumLength(BankAccount.HolderNameMaxLength).WithMessage($"Le titulaire du compte ne peut dépasser {BankAccount.HolderNameMaxLength} caractères (norme SEPA).");
        RuleFor(c => c.Iban).NotEmpty().WithMessage("Indiquez l'IBAN du compte.").MaximumLength(60).WithMessage("L'IBAN compte au plus 34 caractères.");
        RuleFor(c => c.Bic).NotEmpty().WithMessage("Indiquez le BIC de la banque.").MaximumLength(20).WithMessage("Le BIC compte 8 ou 11 caractères.");
    }
}

internal sealed class SubmitBankDetailsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitBankDetails, Result<SubmittedBankDetails>>
{
    public async ValueTask<Result<SubmittedBankDetails>> Handle(SubmitBankDetails request, CancellationToken cancellationToken)
    {
        var organisationId = new OrganisationId(request.OrganisationId);
        var organisation = await db.OrganisationForBankDetails(user, organisationId, cancellationToken).ConfigureAwait(false);
        if (organisation is null)
        {
            return OrganisationMembers.NotFound;
        }

        var now = clock.GetUtcNow();
        var entered = BankAccount.Enter(BankAccountId.New(), organisationId, request.HolderName, request.Iban, request.Bic, user.UserId!.Value, now);
        if (!entered.IsSuccess)
        {
            return entered.Error;
        }

        var account = entered.Value;
        var approved = await db.ApprovedBankAccountOf(organisationId, cancellationToken).ConfigureAwait(false);
        if (approved is not null && approved.HasSameDetailsAs(account))
        {
            return Error.RuleBroken("bank_details.unchanged", "Ces coordonnées bancaires sont déjà celles approuvées pour l'organisation.");
        }

        // One pending change at a time: the newer entry replaces it (saved first: at most one pending per organisation).
        var pending = await db.BankAccounts
            .FirstOrDefaultAsync(b => b.OrganisationId == organisationId && b.Status == BankAccountStatus.PendingApproval, cancellationToken).ConfigureAwait(false);
        if (pending is not null)
        {
            pending.Supersede(account, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        db.BankAccounts.Add(account);
        return new SubmittedBankDetails(account.Id.Value, account.Status, pending?.Id.Value);
    }
}
