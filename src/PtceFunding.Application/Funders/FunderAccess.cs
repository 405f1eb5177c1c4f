namespace PtceFunding.Application.Funders;

/// <summary>What the funder commands share.</summary>
internal static class FunderAccess
{
    public static readonly Error NotFound = Error.NotFound("funder.not_found", "Ce financeur n'existe pas.");

    /// <summary>The funder, tracked, as <paramref name="edit"/> read it; not found or stale otherwise.</summary>
    public static async Task<Result<Funder>> FunderToEdit(this IPtceDbContext db, Guid id, IVersioned edit, CancellationToken cancellationToken) =>
        db.Editable(await db.Funders.FindAsync([new FunderId(id)], cancellationToken).ConfigureAwait(false), edit, NotFound);
}
