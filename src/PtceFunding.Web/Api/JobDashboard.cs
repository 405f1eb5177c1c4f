using Hangfire;

namespace PtceFunding.Web.Api;

/// <summary>
/// Hangfire's dashboard, the experts' view of the jobs (queues, runs, failures and their stack traces, servers), for
/// platform administrators only — the everyday view is the French page /Admin/Jobs (docs/adr/0034). It never shows the
/// storage's connection string, and its back link leads to that page.
/// </summary>
internal static class JobDashboard
{
    public const string Path = "/Admin/Hangfire";

    public static void MapJobDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.PlatformAdministrator, Path, new DashboardOptions
        {
            DashboardTitle = "PtceFunding — tâches d'arrière-plan",
            AppPath = "/Admin/Jobs",
            DisplayStorageConnectionString = false,
            StatsPollingInterval = 5000,
        });
}
