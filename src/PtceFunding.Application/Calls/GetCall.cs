using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Calls;

/// <summary>A call as its administrators see it: details, status, every rules version, and its committee sessions.</summary>
[Allow(Audience.Administrators)]
public sealed record GetCall(Guid Id) : IQuery<Result<CallView>>;

public sealed record CallView(
    Guid Id,
    Guid ProgrammeId,
    string ProgrammeName,
    string Title,
    string Description,
    CallMode Mode,
    CallStatus Status,
    DateOnly OpensOn,
    DateOnly? ClosesOn,
    string TimeZoneId,
    bool IsTwoStage,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CallFunderView> Funders,
    int Version,
    int CurrentRulesVersion,
    IReadOnlyList<CallRulesVersionView> RuleVersions,
    IReadOnlyList<CommitteeSessionView> Sessions,
    int UnscheduledApplications,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    DateTime? ClosedAt,
    CallAgreementTerms AgreementTerms,
    Domain.Reminders.ReminderPolicy ReminderPolicy)
{
    public CallRules CurrentRules => RuleVersions.Single(v => v.Number == CurrentRulesVersion).Rules;
}

public sealed record CallFunderView(Guid FunderId, string Name, decimal Envelope);

public sealed record CallRulesVersionView(int Number, DateTime CreatedAt, CallRules Rules);

public sealed record CommitteeSessionView(Guid Id, string Name, DateOnly CutOffDate, DateOnly MeetingDate, SessionStatus Status, int Applications);

internal sealed class GetCallHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetCall, Result<CallView>>
{
    public async ValueTask<Result<CallView>> Handle(GetCall request, CancellationToken cancellationToken)
    {
        var id = new CallId(request.Id);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (call is null || !call.IsManagedBy(user))
        {
            return CallAccess.NotFound;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == call.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var funderNames = await db.FunderNames(call.Funders.Select(f => f.FunderId), cancellationToken).ConfigureAwait(false);
        var sessions = await db.CommitteeSessions.AsNoTracking()
            .Where(s => s.CallId == id)
            .OrderBy(s => s.CutOffDate).ThenBy(s => s.MeetingDate)
            .Select(s => new { s.Id, s.Name, s.CutOffDate, s.MeetingDate, s.Status, Applications = db.Applications.Count(a => a.SessionId == s.Id && a.Status != ApplicationStatus.Withdrawn) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var unscheduled = await db.Applications.Unscheduled().CountAsync(a => a.CallId == id, cancellationToken).ConfigureAwait(false);

        return new CallView(
            call.Id.Value,
            call.ProgrammeId.Value,
            programme,
            call.Title,
            call.Description,
            call.Mode,
            call.Status,
            call.OpensOn,
            call.ClosesOn,
            call.TimeZoneId,
            call.IsTwoStage,
            call.Categories,
            [.. call.Funders.Select(f => new CallFunderView(f.FunderId.Value, funderNames.GetValueOrDefault(f.FunderId.Value, "?"), f.Envelope))],
            call.Version,
            call.CurrentRulesVersion,
            [.. call.RuleVersions.OrderBy(v => v.Number).Select(v => new CallRulesVersionView(v.Number, v.CreatedAt, v.Rules))],
            [.. sessions.Select(s => new CommitteeSessionView(s.Id.Value, s.Name, s.CutOffDate, s.MeetingDate, s.Status, s.Applications))],
            unscheduled,
            call.CreatedAt,
            call.PublishedAt,
            call.ClosedAt,
            call.AgreementTerms,
            call.ReminderPolicy);
    }
}

internal static class FunderLookup
{
    public static async Task<Dictionary<Guid, string>> FunderNames(this IPtceDbContext db, IEnumerable<Domain.Funders.FunderId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => wanted.Contains(f.Id)).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return funders.ToDictionary(f => f.Id.Value, f => f.Name);
    }
}
