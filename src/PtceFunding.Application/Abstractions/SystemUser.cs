namespace PtceFunding.Application.Abstractions;

/// <summary>The actor of work nobody signed in for: start-up seeding, command-line tools.</summary>
public sealed class SystemUser(string name) : ICurrentUser
{
    public static SystemUser Instance { get; } = new("système");

    public Guid? UserId => null;

    public string? UserName => name;

    public bool IsAuthenticated => false;

    public bool IsSystem => true;

    public FunderId? FunderId => null;

    public Territory Territory => Territory.National;

    public string? CorrelationId => null;

    public bool IsInRole(string role) => false;
}
