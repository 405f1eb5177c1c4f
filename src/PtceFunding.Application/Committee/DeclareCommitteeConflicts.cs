namespace PtceFunding.Application.Committee;

/// <summary>
/// A committee member declares, for items of a session's agenda, whether they have a conflict of
/// interest; only before the session opens. A declared conflict recuses them from that item.
/// </summary>
[Allow(Audience.CommitteeMembers)]
public sealed record DeclareCommitteeConflicts(Guid SessionId, IReadOnlyList<ConflictDeclaration> Declarations) : ICommand<Result<int>>;

public sealed record ConflictDeclaration(Guid ApplicationId, bool HasConflict);

internal sealed class DeclareCommitteeConflictsValidator : AbstractValidator<DeclareCommitteeConflicts>
{
    public DeclareCommitteeConflictsValidator()
    {
        RuleFor(c => c.Declarations).NotEmpty().WithMessage("Déclarez au moins un dossier.")
            .Must(d => d is null || d.Select(x => x.ApplicationId).Distinct().Count() == d.Count).WithMessage("Un dossier n'est déclaré qu'une fois.");
    }
}

internal sealed class DeclareCommitteeConflictsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeclareCommitteeConflicts, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeclareCommitteeConflicts request, CancellationToken cancellationToken)
    {
        var found = await db.FindSession(user, request.SessionId, cancellationToken).ConfigureAwait(false);
        if (found is not { } sessionAndCall || !user.SitsOn(sessionAndCall.Call))
        {
            return CommitteeAccess.NotFound;
        }

        var session = sessionAndCall.Session;
        var memberId = user.UserId!.Value;
        var ids = request.Declarations.Select(d => new FundingApplicationId(d.ApplicationId)).ToList();
        var onAgenda = await db.Applications.Where(a => ids.Contains(a.Id) && a.SessionId == session.Id).CountAsync(cancellationToken).ConfigureAwait(false);
        if (onAgenda != ids.Count)
        {
            return Error.RuleBroken("decision.not_on_agenda", "Un dossier déclaré n'est pas à l'ordre du jour de cette session.");
        }

        var existing = await db.CommitteeConflicts.Where(c => c.SessionId == session.Id && c.MemberId == memberId && ids.Contains(c.ApplicationId))
            .ToDictionaryAsync(c => c.ApplicationId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var declaration in request.Declarations)
        {
            var applicationId = new FundingApplicationId(declaration.ApplicationId);
            if (existing.TryGetValue(applicationId, out var conflict))
            {
                var changed = conflict.Redeclare(session, declaration.HasConflict, now);
                if (!changed.IsSuccess)
                {
                    return changed.Error;
                }
            }
            else
            {
                var declared = CommitteeConflict.Declare(session, memberId, applicationId, declaration.HasConflict, now);
                if (!declared.IsSuccess)
                {
                    return declared.Error;
                }

                db.CommitteeConflicts.Add(declared.Value);
            }
        }

        return request.Declarations.Count(d => d.HasConflict);
    }
}
