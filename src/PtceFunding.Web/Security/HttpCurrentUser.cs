using System.Security.Claims;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Users;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Territories;
using PtceFunding.Web.Hosting;

namespace PtceFunding.Web.Security;

/// <summary>The signed-in user of the current HTTP request, read from the claims set at sign-in.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public bool IsSystem => false;

    public Guid? UserId => IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.Name) : null;

    public FunderId? FunderId => IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(PtceClaims.FunderId), out var id) ? new FunderId(id) : null;

    public Territory Territory => Territory.FromCode(Principal?.FindFirstValue(PtceClaims.Region));

    public string? CorrelationId => accessor.HttpContext is { } context ? CorrelationIdMiddleware.Of(context) : null;

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);
}
