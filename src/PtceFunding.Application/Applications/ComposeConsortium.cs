namespace PtceFunding.Application.Applications;

/// <summary>A member of the consortium as the form sends it: a registered organisation, its role, the lead flag and an optional budget share (%).</summary>
public sealed record MemberInput(Guid OrganisationId, MemberRole Role, bool IsLead, decimal? BudgetShare);

/// <summary>
/// Saves the consortium of a draft. Members are registered organisations; the users invited for a
/// member that leaves the consortium lose access to the draft.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record ComposeConsortium(Guid Id, int? ExpectedVersion, IReadOnlyList<MemberInput> Members) : ICommand<Result<int>>, IVersioned;

internal sealed class ComposeConsortiumValidator : AbstractValidator<ComposeConsortium>
{
    public ComposeConsortiumValidator()
    {
        RuleFor(c => c.Members).NotEmpty().WithMessage("Le consortium compte au moins le chef de file.")
            .Must(m => m.Count <= 100).WithMessage("Au plus 100 membres.");
        RuleForEach(c => c.Members).ChildRules(m => m.RuleFor(x => x.Role).IsInEnum().WithMessage("Rôle inconnu."));
    }
}

internal sealed class ComposeConsortiumHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<ComposeConsortium, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ComposeConsortium request, CancellationToken cancellationToken)
    {
        var ids = request.Members.Select(m => new OrganisationId(m.OrganisationId)).Distinct().ToList();
        var known = await db.Organisations.CountAsync(o => ids.Contains(o.Id), cancellationToken).ConfigureAwait(false);
        if (known != ids.Count)
        {
            return Error.Validation("Members", "Chaque membre est une organisation enregistrée (recherchez-la par son SIRET ou son numéro RNA).");
        }

        var members = request.Members.Select(m => new ConsortiumMember(new OrganisationId(m.OrganisationId), m.Role, m.IsLead, m.BudgetShare)).ToList();
        var result = await ApplicationDrafts.Edit(db, user, request.Id, request, application => application.ComposeConsortium(members), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result;
        }

        var applicationId = new FundingApplicationId(request.Id);
        var departed = await db.ApplicationContributors
            .Where(c => c.ApplicationId == applicationId && !ids.Contains(c.OrganisationId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        db.ApplicationContributors.RemoveRange(departed);
        return result;
    }
}
