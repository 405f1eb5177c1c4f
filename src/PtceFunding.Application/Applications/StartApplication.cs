namespace PtceFunding.Application.Applications;

/// <summary>
/// A verified user of an organisation starts a draft application on an open call, with that
/// organisation as lead member. The client chooses the id: a retried request answers the same draft.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record StartApplication(Guid Id, Guid CallId, string Category, int Stage, Guid LeadOrganisationId, string Title) : ICommand<Result<Guid>>;

internal sealed class StartApplicationValidator : AbstractValidator<StartApplication>
{
    public StartApplicationValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("L'identifiant du dossier est obligatoire.");
        RuleFor(c => c.Category).NotEmpty().WithMessage("Choisissez la catégorie de l'appel.");
        RuleFor(c => c.Stage).InclusiveBetween(1, 2).WithMessage("L'étape est 1 ou 2.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("Donnez un titre au projet.")
            .MaximumLength(300).WithMessage("Le titre ne peut dépasser 300 caractères.");
    }
}

internal sealed class StartApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartApplication, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(StartApplication request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var id = new FundingApplicationId(request.Id);
        var existing = await db.Applications.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.CreatedBy, a.CallId }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.CreatedBy == userId && existing.CallId.Value == request.CallId
                ? request.Id
                : Error.Conflict("application.id_taken", "Un autre dossier porte déjà cet identifiant.");
        }

        var leadId = new OrganisationId(request.LeadOrganisationId);
        var verified = await db.OrganisationMemberships.AnyAsync(
            m => m.UserId == userId && m.OrganisationId == leadId && m.Status == MembershipStatus.Verified, cancellationToken).ConfigureAwait(false);
        if (!verified)
        {
            return Error.RuleBroken("application.lead_not_verified", "Vous ne pouvez déposer qu'au nom d'une organisation pour laquelle vous avez été vérifié.");
        }

        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == new CallId(request.CallId) && c.Status != CallStatus.Draft, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return Error.NotFound("call.not_found", "Cet appel n'existe pas.");
        }

        var lead = await MemberProfiles.Of(db, [leadId], cancellationToken).ConfigureAwait(false);
        var started = FundingApplication.Start(id, call, request.Category, request.Stage, lead[0], request.Title, userId, clock.GetUtcNow());
        if (!started.IsSuccess)
        {
            return started.Error;
        }

        db.Applications.Add(started.Value);
        return request.Id;
    }
}
