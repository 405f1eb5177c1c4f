using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// The officer's view of an application: everything the consortium filed, who has the file, the
/// whole history with who did what, the proposal, and the officers of the funder it can be handed to.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record GetApplicationReview(Guid Id) : IQuery<Result<ApplicationReviewView>>;

public sealed record ApplicationReviewView(
    ApplicationView Application,
    OfficerView? AssignedOfficer,
    bool AssignedToMe,
    ProposalView? Proposal,
    IReadOnlyList<OfficerView> Officers);

public sealed record OfficerView(Guid Id, string Name);

public sealed record ProposalView(string? Report, IReadOnlyList<RequestedAmountView> Amounts, decimal Total, int? DurationYears, ScheduleShape? Shape);

internal sealed class GetApplicationReviewHandler(IPtceDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock)
    : IQueryHandler<GetApplicationReview, Result<ApplicationReviewView>>
{
    public async ValueTask<Result<ApplicationReviewView>> Handle(GetApplicationReview request, CancellationToken cancellationToken)
    {
        var id = new FundingApplicationId(request.Id);
        var application = await db.Applications.AsNoTracking().Include(a => a.History).VisibleTo(db, user)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        var actorIds = application.History.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value)
            .Append(application.AssignedOfficerId ?? Guid.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var history = application.History.OrderBy(e => e.At)
            .Select(e => new HistoryLineView(e.At, e.Kind, e.Details, e.ActorId is { } actor ? names.GetValueOrDefault(actor, "?") : null))
            .ToList();
        var view = await GetApplicationHandler.Build(db, user, clock, application, history, cancellationToken).ConfigureAwait(false);

        // Officers of the funder are few: the role's members are read once and filtered here.
        var officers = user.FunderId is { } funderId
            ? (await users.InRole(Roles.ProgramOfficer).ConfigureAwait(false))
                .Where(o => o.FunderId == funderId)
                .OrderBy(o => o.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
                .Select(o => new OfficerView(o.Id, o.DisplayName))
                .ToList()
            : [];
        var funderNames = view.Call.Funders.ToDictionary(f => f.FunderId, f => f.Name);
        var proposal = application.ProposedDurationYears is null
            ? null
            : new ProposalView(
                application.InstructionReport,
                [.. application.ProposedAmounts.Select(a => new RequestedAmountView(a.FunderId.Value, funderNames.GetValueOrDefault(a.FunderId.Value, "?"), a.Amount))],
                application.TotalProposed,
                application.ProposedDurationYears,
                application.ProposedShape);
        var assigned = application.AssignedOfficerId is { } officerId ? new OfficerView(officerId, names.GetValueOrDefault(officerId, "?")) : null;
        return new ApplicationReviewView(view, assigned, assigned is not null && assigned.Id == user.UserId, proposal, officers);
    }
}
