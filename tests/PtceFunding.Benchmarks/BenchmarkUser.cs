using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Territories;
using PtceFunding.Domain.Users;

namespace PtceFunding.Benchmarks;

/// <summary>The officer the inbox is measured for, as the web host would resolve them from their token.</summary>
internal sealed class BenchmarkUser : ICurrentUser
{
    public Guid? UserId { get; set; }

    public string? UserName => "benchmark";

    public bool IsAuthenticated => UserId is not null;

    public bool IsSystem => false;

    public FunderId? FunderId { get; set; }

    public Territory Territory { get; set; } = Territory.National;

    public string? CorrelationId => null;

    public bool IsInRole(string role) => role == Roles.ProgramOfficer;
}
