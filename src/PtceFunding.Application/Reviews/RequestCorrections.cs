namespace PtceFunding.Application.Reviews;

/// <summary>
/// The officer sends the application back to the consortium with the changes to make and the date
/// they are due by; the lead member's users are told by e-mail and in the platform.
/// </summary>
[Allow(Audience.ProgramOfficers)]
public sealed record RequestCorrections(Guid Id, int? ExpectedVersion, IReadOnlyList<string> Items, DateOnly DueOn) : ICommand<Result<int>>, IVersioned;

internal sealed class RequestCorrectionsValidator : AbstractValidator<RequestCorrections>
{
    public RequestCorrectionsValidator()
    {
        RuleFor(c => c.Items).NotNull().Must(items => items.Any(i => !string.IsNullOrWhiteSpace(i)))
            .WithMessage("Indiquez au moins une correction attendue.");
        RuleForEach(c => c.Items).MaximumLength(1000).WithMessage("Une correction attendue ne dépasse pas 1 000 caractères.");
        RuleFor(c => c.Items).Must(items => items is null || items.Count <= 50).WithMessage("50 corrections au plus.");
    }
}

internal sealed class RequestCorrectionsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RequestCorrections, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RequestCorrections request, CancellationToken cancellationToken) =>
        await db.ApplicationToReview(user, request.Id, request, cancellationToken)
            .Then(async application =>
            {
                // The due date is judged in the call's time zone.
                var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
                return db.VersionAfter(application, application.RequestCorrections(request.Items, request.DueOn, user.UserId!.Value, clock.GetUtcNow(), call.TimeZoneId));
            })
            .ConfigureAwait(false);
}
