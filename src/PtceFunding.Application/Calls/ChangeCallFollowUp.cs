using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Reminders;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Calls;

/// <summary>
/// Sets how a call's agreements and deadlines are followed up: the agreements' layout (anniversary or calendar years,
/// the yearly advance, the months after a year within which its reports are due) and the reminder policy (days before
/// or after a deadline, the step that escalates to the officer, the days an expert has for an opinion). Agreements
/// already drafted keep their terms; reminders follow the new policy from the next sweep. Answers the call's new version.
/// </summary>
public sealed record ChangeCallFollowUp(Guid Id, CallAgreementTerms AgreementTerms, ReminderPolicy ReminderPolicy, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class ChangeCallFollowUpValidator : AbstractValidator<ChangeCallFollowUp>
{
    public ChangeCallFollowUpValidator()
    {
        RuleFor(c => c.AgreementTerms).NotNull().WithMessage("Indiquez les modalités des conventions.");
        RuleFor(c => c.ReminderPolicy).NotNull().WithMessage("Indiquez la politique de relance.");
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class ChangeCallFollowUpAuthorizer(ICurrentUser user) : IAuthorizer<ChangeCallFollowUp>
{
    public Task<Result> Authorize(ChangeCallFollowUp request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Administrator));
}

internal sealed class ChangeCallFollowUpHandler(IPtceDbContext db, ICurrentUser user) : IRequestHandler<ChangeCallFollowUp, Result<int>>
{
    public async Task<Result<int>> Handle(ChangeCallFollowUp request, CancellationToken cancellationToken)
    {
        var call = await db.FindManagedCall(user, request.Id, cancellationToken).ConfigureAwait(false);
        if (call is null)
        {
            return CallAccess.NotFound;
        }

        if (call.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(call.Version);
        }

        var terms = call.ChangeAgreementTerms(request.AgreementTerms);
        if (!terms.IsSuccess)
        {
            return terms.Error;
        }

        var policy = call.ChangeReminderPolicy(request.ReminderPolicy);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return call.Version;
    }
}
