namespace PtceFunding.Application.Applications;

/// <summary>What starting an application on a call asks for: its categories and stages, and whether it receives applications now.</summary>
[Allow(Audience.Applicants)]
public sealed record GetCallToApply(Guid CallId) : IQuery<Result<CallToApply>>;

public sealed record CallToApply(Guid Id, string Title, bool IsTwoStage, IReadOnlyList<string> Categories, bool AcceptsApplications);

internal sealed class GetCallToApplyHandler(IPtceDbContext db, TimeProvider clock) : IQueryHandler<GetCallToApply, Result<CallToApply>>
{
    public async ValueTask<Result<CallToApply>> Handle(GetCallToApply request, CancellationToken cancellationToken)
    {
        // Drafts of calls are the staff's own: to an applicant they do not exist.
        var call = await db.Calls.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == new CallId(request.CallId) && c.Status != CallStatus.Draft, cancellationToken).ConfigureAwait(false);
        return call is null
            ? Error.NotFound("call.not_found", "Cet appel n'existe pas.")
            : new CallToApply(call.Id.Value, call.Title, call.IsTwoStage, call.Categories, call.AcceptsApplicationsAt(clock.GetUtcNow()));
    }
}
