namespace PtceFunding.Application;

/// <summary>A command that edits an aggregate as its sender read it: it carries the version read (required, 400 when missing).</summary>
public interface IVersioned
{
    int? ExpectedVersion { get; }
}

/// <summary>The one version check of every versioned command, and its one error (HTTP 409).</summary>
public static class Concurrency
{
    public static readonly Error StaleVersion = Error.Conflict(
        "concurrency.stale",
        "Ces informations ont été modifiées par quelqu'un d'autre depuis votre lecture. Rechargez la page puis recommencez.");

    /// <summary>The field error of a versioned command sent without the version it read.</summary>
    public const string VersionRequired = "La version lue (expectedVersion) est obligatoire, positive ou nulle : relisez la ressource puis renvoyez sa version.";

    /// <summary>The stale-version error carrying the version that is now current.</summary>
    public static Error Stale(int currentVersion) => StaleVersion with { CurrentVersion = currentVersion };

    /// <summary>
    /// Null when <paramref name="command"/> edits the version of <paramref name="aggregate"/> that is current; otherwise
    /// the stale-version error. The expected version also becomes the one the save checks, so an edit committed
    /// by someone else in the meantime fails as a 409 too.
    /// </summary>
    public static Error? VersionConflict(this IPtceDbContext db, AggregateRoot aggregate, IVersioned command)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(command);
        var expected = command.ExpectedVersion ?? throw new InvalidOperationException("The validation step requires the expected version.");
        if (aggregate.Version != expected)
        {
            return Stale(aggregate.Version);
        }

        db.ExpectVersion(aggregate, expected);
        return null;
    }

    /// <summary>The version <paramref name="aggregate"/> has once saved when <paramref name="step"/> succeeded on it; the step's error otherwise.</summary>
    public static Result<int> VersionAfter(this IPtceDbContext db, AggregateRoot aggregate, Result step)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        return step.IsSuccess ? db.VersionOnceSaved(aggregate) : step.Error!;
    }

    /// <summary>
    /// <paramref name="aggregate"/> when it was found and <paramref name="edit"/> read its current version; <paramref name="notFound"/>
    /// or the stale-version error otherwise — the preamble of every command that edits one aggregate.
    /// </summary>
    public static Result<T> Editable<T>(this IPtceDbContext db, T? aggregate, IVersioned edit, Error notFound)
        where T : AggregateRoot =>
        aggregate is null ? notFound
        : db.VersionConflict(aggregate, edit) is { } conflict ? conflict
        : aggregate;
}
