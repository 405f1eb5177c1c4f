using PtceFunding.Application.Documents;

namespace PtceFunding.Application.Organisations;

/// <summary>
/// The applicant joins a supporting document (mandate, delegation, minutes) to their own pending
/// request to act for an organisation; a second one replaces the first.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record AttachMembershipMandate(Guid MembershipId, string FileName, long DeclaredLength, Stream Content) : ICommand<Result<MandateLine>>;

public sealed record MandateLine(string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

internal sealed class AttachMembershipMandateValidator : AbstractValidator<AttachMembershipMandate>
{
    public AttachMembershipMandateValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().WithMessage("Le fichier n'a pas de nom.");
        RuleFor(c => c.DeclaredLength).GreaterThan(0).WithMessage("Le fichier est vide.").OverridePropertyName("file");
    }
}

internal sealed class AttachMembershipMandateHandler(
    IPtceDbContext db, ICurrentUser user, TimeProvider clock, DocumentIntake intake, IFileStore store, IUnitOfWork unitOfWork)
    : ICommandHandler<AttachMembershipMandate, Result<MandateLine>>
{
    public async ValueTask<Result<MandateLine>> Handle(AttachMembershipMandate request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var membership = await db.OrganisationMemberships.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == request.MembershipId && m.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (membership is null)
        {
            return Error.NotFound("membership.not_found", "Cette demande n'existe pas.");
        }

        if (membership.Status != MembershipStatus.Pending)
        {
            return Error.RuleBroken("membership.already_decided", "Cette demande a déjà été traitée : on n'y joint plus de document.");
        }

        var accepted = await intake.Accept(request.FileName, request.DeclaredLength, request.Content, cancellationToken).ConfigureAwait(false);
        if (!accepted.IsSuccess)
        {
            return accepted.Error;
        }

        var (fileName, contentType, file) = accepted.Value;
        var mandate = MembershipMandate.Attach(membership, fileName, contentType, file.Size, file.Sha256, file.Key, clock.GetUtcNow());
        if (!mandate.IsSuccess)
        {
            return mandate.Error;
        }

        var previous = await db.MembershipMandates.FirstOrDefaultAsync(m => m.MembershipId == membership.Id, cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            db.MembershipMandates.Remove(previous);
            unitOfWork.OnCommitted(() => store.Delete(previous.StorageKey, CancellationToken.None));
        }

        db.MembershipMandates.Add(mandate.Value);
        return new MandateLine(fileName, contentType, file.Size, file.Sha256, mandate.Value.UploadedAt);
    }
}
