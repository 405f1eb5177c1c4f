using PtceFunding.Application.Applications;

namespace PtceFunding.Application.Calls;

/// <summary>
/// Plans a committee session of a call. The applications submitted while the call had no session
/// to join are assigned to it at once; the answer says how many it picked up.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record PlanCommitteeSession(Guid CallId, string Name, DateOnly CutOffDate, DateOnly MeetingDate) : ICommand<Result<PlannedSession>>;

public sealed record PlannedSession(Guid Id, int PickedUpApplications);

internal sealed class PlanCommitteeSessionValidator : AbstractValidator<PlanCommitteeSession>
{
    public PlanCommitteeSessionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom de la session est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom ne peut dépasser 200 caractères.");
        RuleFor(c => c.CutOffDate).NotEmpty().WithMessage("La date limite de dépôt est obligatoire.");
        RuleFor(c => c.MeetingDate).NotEmpty().WithMessage("La date du comité est obligatoire.");
    }
}

internal sealed class PlanCommitteeSessionHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PlanCommitteeSession, Result<PlannedSession>>
{
    public async ValueTask<Result<PlannedSession>> Handle(PlanCommitteeSession request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.CallId, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return CallAccess.NotFound;
        }

        var planned = CommitteeSession.Plan(CommitteeSessionId.New(), call, request.Name, request.CutOffDate, request.MeetingDate, clock.GetUtcNow());
        if (!planned.IsSuccess)
        {
            return planned.Error;
        }

        var session = planned.Value;
        db.CommitteeSessions.Add(session);
        var waiting = await db.Applications
            .Unscheduled().Where(a => a.CallId == call.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pickedUp = waiting.Count(application => application.Schedule(session, call.TimeZoneId).IsSuccess);
        return new PlannedSession(session.Id.Value, pickedUp);
    }
}
