namespace PtceFunding.Application.Abstractions;

/// <summary>Who is acting: a signed-in person, or the system (background jobs, start-up seeding).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? UserName { get; }

    bool IsAuthenticated { get; }

    /// <summary>True for the platform itself (background jobs, command-line tools), never for a person.</summary>
    bool IsSystem { get; }

    /// <summary>The funder the user acts for; null for applicants and platform-wide administrators.</summary>
    FunderId? FunderId { get; }

    /// <summary>What the user may see; national when the funder is national or the user is platform-wide.</summary>
    Territory Territory { get; }

    /// <summary>Correlates the audit entries and logs of one request.</summary>
    string? CorrelationId { get; }

    bool IsInRole(string role);
}
