namespace PtceFunding.Application.Calls;

/// <summary>The funding programmes, by name, with how many calls each has.</summary>
[Allow(Audience.Administrators)]
public sealed record ListProgrammes : IQuery<Result<IReadOnlyList<ProgrammeSummary>>>;

public sealed record ProgrammeSummary(Guid Id, string Name, string Description, DateTime CreatedAt, int Calls);

internal sealed class ListProgrammesHandler(IPtceDbContext db) : IQueryHandler<ListProgrammes, Result<IReadOnlyList<ProgrammeSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ProgrammeSummary>>> Handle(ListProgrammes request, CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new ProgrammeSummary(p.Id.Value, p.Name, p.Description, p.CreatedAt, db.Calls.Count(c => c.ProgrammeId == p.Id)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return programmes;
    }
}
