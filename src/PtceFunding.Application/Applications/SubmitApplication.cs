namespace PtceFunding.Application.Applications;

/// <summary>What the applicant is told once the application is filed.</summary>
public sealed record SubmissionReceipt(string Reference, DateTime SubmittedAt, Guid? SessionId, string? SessionName, DateOnly? SessionCutOff, int RulesVersion, int Version);

/// <summary>
/// The lead member files the application: every rule is checked and all failures are answered at
/// once; once filed it is frozen, joins the next committee session (or waits unscheduled) and the
/// applicant receives an acknowledgement with its receipt number.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record SubmitApplication(Guid Id, int? ExpectedVersion) : ICommand<Result<SubmissionReceipt>>, IVersioned;

internal sealed class SubmitApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitApplication, Result<SubmissionReceipt>>
{
    public async ValueTask<Result<SubmissionReceipt>> Handle(SubmitApplication request, CancellationToken cancellationToken)
    {
        var filing = await ApplicationDrafts.ForFiling(db, user, request.Id, request, "Seul le chef de file dépose le dossier.", cancellationToken).ConfigureAwait(false);
        if (!filing.IsSuccess)
        {
            return filing.Error;
        }

        var userId = user.UserId!.Value;
        var (application, call, members, documents) = filing.Value;
        var sessions = await db.CommitteeSessions.AsNoTracking().Where(s => s.CallId == call.Id && s.Status == SessionStatus.Planned)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var funderIds = call.Funders.Select(f => f.FunderId).ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var submitted = application.Submit(call, members, documents, sessions, funders, userId, now);
        if (!submitted.IsSuccess)
        {
            return submitted.Error;
        }

        var session = sessions.FirstOrDefault(s => s.Id == application.SessionId);
        return new SubmissionReceipt(
            application.Reference!, application.SubmittedAt!.Value, session?.Id.Value, session?.Name, session?.CutOffDate, application.RulesVersion, db.VersionOnceSaved(application));
    }
}
