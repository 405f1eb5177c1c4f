using PtceFunding.Application.Jobs;

namespace PtceFunding.Web.Api;

internal static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/jobs").WithTags("Administration").RequireAuthorization(Policies.PlatformAdministrator);

        group.MapGet("/", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetJobs(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Tâches planifiées : intervalle, état, prochaine exécution et dernière exécution.");

        group.MapPost("/{name}/pause", async (string name, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PauseJob(name), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Suspend une tâche planifiée sur tous les nœuds.");

        group.MapPost("/{name}/resume", async (string name, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResumeJob(name), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Reprend une tâche planifiée suspendue.");

        group.MapPost("/{name}/trigger", async (string name, ISender sender, CancellationToken ct) =>
                (await sender.Send(new TriggerJob(name), ct)).ToHttp(() => TypedResults.Accepted("/api/admin/jobs")))
            .WithSummary("Demande une exécution immédiate d'une tâche planifiée (un nœud l'exécute peu après).");

        return api;
    }
}
