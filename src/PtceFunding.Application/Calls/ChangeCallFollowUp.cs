namespace PtceFunding.Application.Calls;

/// <summary>
/// Sets how a call's agreements and deadlines are followed up: the agreements' layout (anniversary or calendar years,
/// the yearly advance, the months after a year within which its reports are due) and the reminder policy (days before
/// or after a deadline, the step that escalates to the officer, the days an expert has for an opinion). Agreements
/// already drafted keep their terms; reminders follow the new policy from the next sweep. Answers the call's new version.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record ChangeCallFollowUp(Guid Id, CallAgreementTerms AgreementTerms, ReminderPolicy ReminderPolicy, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class ChangeCallFollowUpValidator : AbstractValidator<ChangeCallFollowUp>
{
    public ChangeCallFollowUpValidator()
    {
        RuleFor(c => c.AgreementTerms).NotNull().WithMessage("Indiquez les modalités des conventions.");
        RuleFor(c => c.ReminderPolicy).NotNull().WithMessage("Indiquez la politique de relance.");
    }
}

internal sealed class ChangeCallFollowUpHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<ChangeCallFollowUp, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ChangeCallFollowUp request, CancellationToken cancellationToken) =>
        await db.CallToEdit(user, request.Id, request, cancellationToken)
            .Then(call => call.ChangeAgreementTerms(request.AgreementTerms) is { IsSuccess: false } refused
                ? refused.Error!
                : db.VersionAfter(call, call.ChangeReminderPolicy(request.ReminderPolicy)))
            .ConfigureAwait(false);
}
