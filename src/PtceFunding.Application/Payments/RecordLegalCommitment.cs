using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Agreements;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Payments;

/// <summary>
/// A finance officer records (or corrects) their funder's legal commitment reference (engagement juridique) on a
/// signed agreement; that funder's installments are ordered only once it is recorded. Recording the same
/// reference again changes nothing.
/// </summary>
public sealed record RecordLegalCommitment(Guid AgreementId, string Reference, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class RecordLegalCommitmentValidator : AbstractValidator<RecordLegalCommitment>
{
    public RecordLegalCommitmentValidator()
    {
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Indiquez la référence de l'engagement juridique.")
            .MaximumLength(LegalCommitment.MaxLength).WithMessage($"La référence compte au plus {LegalCommitment.MaxLength} caractères.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class RecordLegalCommitmentAuthorizer(ICurrentUser user) : IAuthorizer<RecordLegalCommitment>
{
    public Task<Result> Authorize(RecordLegalCommitment request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.FinanceOfficer));
}

internal sealed class RecordLegalCommitmentHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordLegalCommitment, Result<int>>
{
    public async Task<Result<int>> Handle(RecordLegalCommitment request, CancellationToken cancellationToken)
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

        if (agreement.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(agreement.Version);
        }

        var recorded = agreement.RecordLegalCommitment(funderId, request.Reference, userId, clock.GetUtcNow());
        if (!recorded.IsSuccess)
        {
            return recorded.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return agreement.Version;
    }
}
