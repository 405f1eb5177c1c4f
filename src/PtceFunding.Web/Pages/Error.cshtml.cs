using PtceFunding.Web.Hosting;

namespace PtceFunding.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? CorrelationId { get; private set; }

    public void OnGet() => CorrelationId = CorrelationIdMiddleware.Of(HttpContext);
}
