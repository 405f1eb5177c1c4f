namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer of the organisation's territory, other than the one who entered them, refuses bank
/// details with a reason; payments keep going to the approved details, and the organisation is told why.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record RejectBankDetails(Guid Id, int? ExpectedVersion, string? Reason) : ICommand<Result>, IVersioned;

internal sealed class RejectBankDetailsValidator : AbstractValidator<RejectBankDetails>
{
    public RejectBankDetailsValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Indiquez le motif du refus : il est communiqué à l'organisation.")
            .MaximumLength(BankAccount.ReasonMaxLength).WithMessage("Le motif ne peut dépasser 1 000 caractères.");
    }
}

internal sealed class RejectBankDetailsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RejectBankDetails, Result>
{
    public async ValueTask<Result> Handle(RejectBankDetails request, CancellationToken cancellationToken) =>
        await db.BankAccountToDecide(user, request.Id, request, cancellationToken)
            .Then(account => account.Reject(user.UserId!.Value, request.Reason, clock.GetUtcNow()))
            .ConfigureAwait(false);
}
