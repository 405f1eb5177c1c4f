using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reminders;

/// <summary>Reviewers' opinions due (a set number of days after the assignment): the reviewer; from the escalated step, the officer who assigned them.</summary>
internal sealed class ReviewReminders(IPtceDbContext db) : IReminderSource
{
    public async Task<int> Collect(ReminderSweep sweep, CancellationToken cancellationToken)
    {
        var pending = await (
                from assignment in db.ReviewerAssignments.AsNoTracking()
                where assignment.SubmittedAt == null && assignment.Declaration != ConflictDeclaration.Conflict
                join application in db.Applications.AsNoTracking().Where(FundingApplication.AwaitingDecision.Predicate) on assignment.ApplicationId equals application.Id
                select new { assignment.Id, assignment.ApplicationId, assignment.ReviewerId, assignment.AssignedBy, assignment.AssignedAt, application.CallId, application.Reference, application.Title })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var steps = pending
            .Select(r =>
            {
                var policy = sweep.Calls[r.CallId].Policy;
                var due = new DateTimeOffset(DateTime.SpecifyKind(r.AssignedAt, DateTimeKind.Utc)).Today().AddDays(policy.ReviewDueAfterDays);
                return (Review: r, Policy: policy, DueOn: due, Step: policy.StepDue(due, sweep.Today));
            })
            .Where(r => r.Step is not null)
            .ToList();
        var people = await sweep.Accounts([.. steps.SelectMany(s => new[] { s.Review.ReviewerId, s.Review.AssignedBy })], cancellationToken).ConfigureAwait(false);
        foreach (var (review, policy, dueOn, step) in steps)
        {
            var offset = step!.Value;
            var reviewer = people.GetValueOrDefault(review.ReviewerId);
            var reference = review.Reference ?? "";
            var when = ReminderText.When(dueOn, sweep.Today);
            if (reviewer is not null)
            {
                var link = sweep.Links.Expertise(review.Id);
                sweep.Add(ReminderKind.Review, review.Id.Value, reviewer, dueOn, offset, () => offset > 0
                    ? new Notices.ReviewOverdueReminder(Reference: reference, Title: review.Title, DueOn: dueOn, When: when) { Link = link }
                    : new Notices.ReviewDueReminder(Reference: reference, DueOn: dueOn, Title: review.Title, When: when) { Link = link });
            }

            // The officer follows the file, not the reviewer's assignment: the link leads to the application's instruction.
            if (policy.Escalates(offset) && people.GetValueOrDefault(review.AssignedBy) is { } officer)
            {
                sweep.Add(ReminderKind.Review, review.Id.Value, officer, dueOn, offset, () => new Notices.ReviewOverdueEscalation(
                    Reference: reference, Reviewer: reviewer?.Name ?? "", Title: review.Title, DueOn: dueOn, When: when)
                {
                    Link = sweep.Links.Instruction(review.ApplicationId),
                });
            }
        }

        return pending.Count;
    }
}
