namespace PtceFunding.Application.Applications;

/// <summary>The applications the user may open: the consortium's own, or (for staff) those of their territory once submitted.</summary>
[Allow(Audience.ApplicationReaders)]
public sealed record ListMyApplications : IQuery<Result<IReadOnlyList<ApplicationLine>>>;

public sealed record ApplicationLine(
    Guid Id, string Title, string CallTitle, string Category, ApplicationStatus Status, string? Reference, string LeadName,
    DateTime CreatedAt, DateTime? SubmittedAt, string? SessionName, bool IsUnscheduled, decimal TotalRequested, int Version);

internal sealed class ListMyApplicationsHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<ListMyApplications, Result<IReadOnlyList<ApplicationLine>>>
{
    public async ValueTask<Result<IReadOnlyList<ApplicationLine>>> Handle(ListMyApplications request, CancellationToken cancellationToken)
    {
        var rows = await (
                from application in db.Applications.AsNoTracking().VisibleTo(db, user)
                join call in db.Calls on application.CallId equals call.Id
                join lead in db.Organisations on application.LeadOrganisationId equals lead.Id
                join session in db.CommitteeSessions on application.SessionId equals session.Id into sessions
                from session in sessions.DefaultIfEmpty()
                orderby application.CreatedAt descending
                select new { application, CallTitle = call.Title, LeadName = lead.Name, SessionName = session == null ? null : session.Name })
            .Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ApplicationLine(
                r.application.Id.Value, r.application.Title, r.CallTitle, r.application.Category, r.application.Status, r.application.Reference, r.LeadName,
                r.application.CreatedAt, r.application.SubmittedAt, r.SessionName, r.application.IsUnscheduled, r.application.TotalRequested, r.application.Version))
            .ToList();
    }
}
