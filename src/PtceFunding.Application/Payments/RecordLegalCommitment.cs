using PtceFunding.Application.Access;

namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer records (or corrects) their funder's legal commitment reference (engagement juridique) on a
/// signed agreement; that funder's installments are ordered only once it is recorded. Recording the same
/// reference again changes nothing.
/// </summary>
[Allow(Audience.FinanceOfficers)]
public sealed record RecordLegalCommitment(Guid AgreementId, string Reference, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class RecordLegalCommitmentValidator : AbstractValidator<RecordLegalCommitment>
{
    public RecordLegalCommitmentValidator()
    {
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Indiquez la référence de l'engagement juridique.")
            .MaximumLength(LegalCommitment.MaxLength).WithMessage($"La référence compte au plus {LegalCommitment.MaxLength} caractères.");
    }
}

internal sealed class RecordLegalCommitmentHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordLegalCommitment, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RecordLegalCommitment request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || user.UserId is not { } userId || !await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
        {
            return AgreementAccess.NotFound;
        }

        if (user.FinanceFunderOf(agreement) is not { } funderId)
        {
            return Error.RuleBroken("agreement.not_a_party", "Votre financeur n'est pas partie à cette convention.");
        }

        if (agreement.LegalCommitmentOf(funderId)?.Reference == request.Reference.Trim())
        {
            return agreement.Version;
        }

        if (db.VersionConflict(agreement, request) is { } conflict)
        {
            return conflict;
        }

        return db.VersionAfter(agreement, agreement.RecordLegalCommitment(funderId, request.Reference, userId, clock.GetUtcNow()));
    }
}
