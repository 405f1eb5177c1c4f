namespace PtceFunding.Application.Auditing;

/// <summary>
/// The audit trail, newest first, filtered. A funder's administrator reads the changes made by
/// that funder's staff; a platform administrator reads everything.
/// </summary>
[Allow(Audience.Administrators)]
public sealed record GetAuditTrail(
    string? EntityType = null,
    string? EntityId = null,
    string? Operation = null,
    DateTime? From = null,
    DateTime? To = null,
    int PageNumber = 1,
    int PageSize = 50) : IQuery<Result<Page<AuditLine>>>;

public sealed record AuditLine(long Id, DateTime OccurredAt, string ActorName, string Operation, string EntityType, string EntityId, string Change, string Changes, string? CorrelationId);

internal sealed class GetAuditTrailValidator : AbstractValidator<GetAuditTrail>
{
    public GetAuditTrailValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).WithMessage("Le numéro de page commence à 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("Une page contient de 1 à 200 lignes.");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("La fin de la période doit suivre son début.");
    }
}

internal sealed class GetAuditTrailHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetAuditTrail, Result<Page<AuditLine>>>
{
    public async ValueTask<Result<Page<AuditLine>>> Handle(GetAuditTrail request, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!user.IsPlatformAdministrator())
        {
            var funderId = user.FunderId?.Value;
            query = query.Where(a => a.ActorFunderId == funderId);
        }

        if (!string.IsNullOrWhiteSpace(request.EntityType))
        {
            query = query.Where(a => a.EntityType == request.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(request.EntityId))
        {
            query = query.Where(a => a.EntityId == request.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(request.Operation))
        {
            query = query.Where(a => a.Operation == request.Operation);
        }

        if (request.From is { } from)
        {
            var fromUtc = DateTime.SpecifyKind(from, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = DateTime.SpecifyKind(to, DateTimeKind.Utc);
            query = query.Where(a => a.OccurredAt < toUtc);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query
            .OrderByDescending(a => a.Id)
            .Skip((request.PageNumber - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(a => new AuditLine(a.Id, a.OccurredAt, a.ActorName, a.Operation, a.EntityType, a.EntityId, a.Change, a.Changes, a.CorrelationId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Page<AuditLine>(items, total, request.PageNumber, request.PageSize);
    }
}
