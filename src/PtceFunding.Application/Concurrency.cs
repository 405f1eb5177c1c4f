using PtceFunding.Domain.Common;

namespace PtceFunding.Application;

/// <summary>The one error for an edit based on an outdated read (HTTP 409).</summary>
public static class Concurrency
{
    public static readonly Error StaleVersion = Error.Conflict(
        "concurrency.stale",
        "Ces informations ont été modifiées par quelqu'un d'autre depuis votre lecture. Rechargez la page puis recommencez.");

    /// <summary>The stale-version error carrying the version that is now current.</summary>
    public static Error Stale(int currentVersion) => StaleVersion with { CurrentVersion = currentVersion };
}
