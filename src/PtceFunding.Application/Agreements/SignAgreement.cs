using PtceFunding.Application.Applications;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Agreements;

/// <summary>
/// The caller signs a draft agreement for the party they act for: a program officer who sees its application
/// signs for their own funder (which must be a party), a verified user of the current lead member signs on behalf
/// of the consortium. The last signature makes the agreement signed (active at once when its start date has come),
/// stores its installments (<see cref="PaymentSchedule.Plan"/>) and the reports it owes (<see cref="Report.For"/>), and notifies the lead member's verified users.
/// </summary>
[Allow(Audience.AgreementSignatories)]
public sealed record SignAgreement(Guid AgreementId, int? ExpectedVersion) : ICommand<Result<SignedAgreement>>, IVersioned;

/// <summary>The agreement after the signature: its status, new version and the parties still to sign.</summary>
public sealed record SignedAgreement(AgreementStatus Status, int Version, IReadOnlyList<MissingSignature> MissingSignatures);

/// <summary>A party whose signature is awaited: a funder (with its id) or the lead member.</summary>
public sealed record MissingSignature(SignatoryKind Kind, Guid? FunderId);

internal sealed class SignAgreementValidator : AbstractValidator<SignAgreement>
{
    public SignAgreementValidator()
    {
    }
}

internal sealed class SignAgreementHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SignAgreement, Result<SignedAgreement>>
{
    private static readonly Error NotFound = Error.NotFound("agreement.not_found", "Cette convention n'existe pas.");

    private static readonly Error NotAParty = Error.RuleBroken("agreement.not_a_party", "Votre financeur n'est pas partie à cette convention.");

    public async ValueTask<Result<SignedAgreement>> Handle(SignAgreement request, CancellationToken cancellationToken)
    {
        var id = new AgreementId(request.AgreementId);
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (agreement is null || user.UserId is not { } userId)
        {
            return NotFound;
        }

        var now = clock.GetUtcNow();
        Result signed;
        if (user.IsInRole(Roles.ProgramOfficer))
        {
            if (!await db.Applications.VisibleTo(db, user).AnyAsync(a => a.Id == agreement.ApplicationId, cancellationToken).ConfigureAwait(false))
            {
                return NotFound;
            }

            if (user.FunderId is not { } funderId || agreement.Funders.All(f => f.FunderId != funderId))
            {
                return NotAParty;
            }

            if (db.VersionConflict(agreement, request) is { } conflict)
            {
                return conflict;
            }

            signed = agreement.SignByFunder(funderId, userId, now);
        }
        else
        {
            if (!await db.IsVerifiedFor(userId, agreement.LeadOrganisationId, cancellationToken).ConfigureAwait(false))
            {
                return NotFound;
            }

            if (db.VersionConflict(agreement, request) is { } conflict)
            {
                return conflict;
            }

            signed = agreement.SignByLeadMember(userId, now);
        }

        if (!signed.IsSuccess)
        {
            return signed.Error;
        }

        if (agreement.Status != AgreementStatus.Draft)
        {
            db.Installments.AddRange(PaymentSchedule.Plan(agreement, agreement.SignedOn!.Value));
            db.Reports.AddRange(Report.For(agreement));
        }

        return new SignedAgreement(
            agreement.Status,
            db.VersionOnceSaved(agreement),
            [.. agreement.MissingSignatures.Select(m => new MissingSignature(m.Kind, m.FunderId?.Value))]);
    }
}

/// <summary>Once every party signed, the lead member's verified users are told when the agreement takes effect.</summary>
internal sealed class TellConsortiumOfSignature(IPtceDbContext db, ILinks links) : DomainEventSubscriber<AgreementSigned>
{
    protected override Task Handle(AgreementSigned signed, CancellationToken cancellationToken) =>
        db.NotifyVerifiedUsers(
            signed.Agreement.LeadOrganisationId,
            new Notices.AgreementSigned(Title: signed.Agreement.Title, StartDate: signed.Agreement.StartDate) { Link = links.ApplicationFile(signed.Agreement.ApplicationId) },
            $"agreement-signed:{signed.Agreement.Id}",
            signed.At,
            cancellationToken);
}
