using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Reviews;

/// <summary>
/// An expert declares, before reading an application, whether they have a conflict of interest
/// with it. A conflict recuses them, and the officer who has the file (or, when nobody has taken it
/// yet, the officers of the funders it is routed to) is told in-app and by e-mail.
/// </summary>
[Allow(Audience.Reviewers)]
public sealed record DeclareConflictOfInterest(Guid AssignmentId, bool HasConflict, string? Details) : ICommand<Result>;

internal sealed class DeclareConflictOfInterestValidator : AbstractValidator<DeclareConflictOfInterest>
{
    public DeclareConflictOfInterestValidator()
    {
        RuleFor(c => c.Details).NotEmpty().When(c => c.HasConflict).WithMessage("Décrivez le conflit d'intérêts : le chargé de mission en est informé.");
        RuleFor(c => c.Details).MaximumLength(2000).WithMessage("La description ne peut dépasser 2 000 caractères.");
    }
}

internal sealed class DeclareConflictOfInterestHandler(IPtceDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock, ILinks links)
    : ICommandHandler<DeclareConflictOfInterest, Result>
{
    public async ValueTask<Result> Handle(DeclareConflictOfInterest request, CancellationToken cancellationToken)
    {
        var id = new ReviewerAssignmentId(request.AssignmentId);
        var assignment = await db.ReviewerAssignments.OwnedBy(user).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (assignment is null)
        {
            return ReviewerAccess.NotFound;
        }

        var now = clock.GetUtcNow();
        var declared = request.HasConflict ? assignment.DeclareConflict(request.Details ?? "", now) : assignment.DeclareNoConflict(now);
        if (!declared.IsSuccess || !request.HasConflict)
        {
            return declared;
        }

        var application = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
            .Select(a => new { a.Id, a.Reference, a.Title, a.AssignedOfficerId, Funders = a.Routes.Select(r => r.FunderId).ToList() })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var reviewerName = await db.Users.AsNoTracking().Where(u => u.Id == assignment.ReviewerId).Select(u => u.DisplayName).SingleAsync(cancellationToken).ConfigureAwait(false);
        foreach (var officer in await OfficersToTell(application.AssignedOfficerId, application.Funders, cancellationToken).ConfigureAwait(false))
        {
            await db.NotifyUser(
                officer.Id,
                new Notices.ReviewerConflictDeclared(Reference: application.Reference ?? "", Reviewer: reviewerName, Title: application.Title, Details: assignment.ConflictDetails ?? "")
                {
                    Link = links.Instruction(application.Id),
                },
                $"reviewer-conflict:{assignment.Id}:{officer.Id}",
                now,
                cancellationToken).ConfigureAwait(false);
        }

        return Result.Success();
    }

    private async Task<IReadOnlyList<UserAccount>> OfficersToTell(Guid? assignedOfficerId, IReadOnlyList<FunderId> routedFunders, CancellationToken cancellationToken)
    {
        if (assignedOfficerId is { } officerId && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == officerId, cancellationToken).ConfigureAwait(false) is { } assigned)
        {
            return [assigned];
        }

        // Officers are few: the role's members are read once and filtered by the routed funders here.
        return [.. (await users.InRole(Roles.ProgramOfficer).ConfigureAwait(false))
            .Where(o => o.FunderId is { } funder && routedFunders.Contains(funder))
            .OrderBy(o => o.Id)];
    }
}
