namespace PtceFunding.Application;

/// <summary>Who may act: the declared audience of a request, and the checks handlers add; each answers with the error the edge maps to 401 or 403.</summary>
public static class Authorization
{
    public static readonly Error NotSignedIn = Error.Unauthorized("auth.required", "Vous devez être connecté.");

    public static readonly Error NotAllowed = Error.Forbidden("auth.forbidden", "Vous n'avez pas accès à cette ressource.");

    /// <summary>Whether <paramref name="user"/> belongs to <paramref name="audience"/>.</summary>
    public static Result Admit(this ICurrentUser user, Audience audience) => audience switch
    {
        Audience.Anyone => Result.Success(),
        Audience.System => user.RequireSystem(),
        Audience.SignedIn => user.RequireSignedIn(),
        Audience.PlatformAdministrators => user.RequirePlatformAdministrator(),
        _ => user.RequireRole(Audiences.RolesOf(audience)),
    };

    public static Result RequireSignedIn(this ICurrentUser user) =>
        user.IsAuthenticated ? Result.Success() : NotSignedIn;

    public static Result RequireRole(this ICurrentUser user, params IEnumerable<string> roles) =>
        !user.IsAuthenticated ? NotSignedIn
        : roles.Any(user.IsInRole) ? Result.Success()
        : NotAllowed;

    /// <summary>Work only the platform itself does (background jobs).</summary>
    public static Result RequireSystem(this ICurrentUser user) =>
        user.IsSystem ? Result.Success() : NotAllowed;

    /// <summary>An administrator with no funder administers the whole platform.</summary>
    public static bool IsPlatformAdministrator(this ICurrentUser user) =>
        user.IsAuthenticated && user.IsInRole(Roles.Administrator) && user.FunderId is null;

    public static Result RequirePlatformAdministrator(this ICurrentUser user) =>
        !user.IsAuthenticated ? NotSignedIn
        : user.IsPlatformAdministrator() ? Result.Success()
        : NotAllowed;
}
