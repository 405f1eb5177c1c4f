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
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<JsonBodyLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();

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
            .MapCalendarFeedEndpoints();

        app.MapPublicOpenDataEndpoints();
        app.MapPublicCalendarEndpoints();
        app.MapRazorPages();
        return app;
    }
}
