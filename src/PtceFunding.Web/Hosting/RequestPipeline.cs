using PtceFunding.Web.Api;

namespace PtceFunding.Web.Hosting;

/// <summary>The HTTP pipeline and the endpoint map.</summary>
internal static class RequestPipeline
{
    public static WebApplication UsePtcePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseWhen(c => AuthenticationSchemes.IsApi(c.Request), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !AuthenticationSchemes.IsApi(c.Request), pages => pages.UseExceptionHandler("/Error"));
        if (!app.Environment.IsDevelopment())
        {
            // TLS ends at the reverse proxy, which says so in X-Forwarded-Proto; plain HTTP is sent to HTTPS,
            // except the health probes, which reach a node directly.
            app.UseHsts();
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase), https => https.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<JsonBodyLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<BearerTokenGuard>();
        app.UseMiddleware<PartnerClientGate>();
        app.UseMiddleware<MultiFactorGate>();
        app.UseRateLimiter();
        app.UseMiddleware<ApiAntiforgery>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();

        app.MapGroup("/api")
            .MapAuthEndpoints()
            .MapAccountEndpoints()
            .MapFunderEndpoints()
            .MapAdministrationEndpoints()
            .MapNotificationEndpoints()
            .MapOrganisationEndpoints()
            .MapApplicationEndpoints()
            .MapInboxEndpoints()
            .MapReviewEndpoints()
            .MapReviewerEndpoints()
            .MapCallEndpoints()
            .MapCommitteeEndpoints()
            .MapAgreementEndpoints()
            .MapPaymentEndpoints()
            .MapOpenDataEndpoints()
            .MapBankAccountEndpoints()
            .MapFinanceEndpoints()
            .MapDocumentEndpoints(app.MaxUploadSize())
            .MapReportEndpoints(app.MaxUploadSize())
            .MapJobEndpoints()
            .MapPartnerClientEndpoints()
            .MapCalendarFeedEndpoints();

        app.MapJobDashboard();
        app.MapOAuthEndpoints();
        app.MapPublicOpenDataEndpoints();
        app.MapPublicCalendarEndpoints();
        app.MapRazorPages();
        return app;
    }
}
