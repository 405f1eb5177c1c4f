using PtceFunding.Application.Auditing;
using PtceFunding.Application.Users;

namespace PtceFunding.Web.Api;

internal static class AdministrationEndpoints
{
    public static RouteGroupBuilder MapAdministrationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        group.MapPost("/users", async (CreateStaffUser command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/admin/users/{id}", new { id })))
            .WithSummary("Crée le compte d'un agent d'un financeur.");

        group.MapGet("/audit", async ([AsParameters] AuditFilter filter, ISender sender, CancellationToken ct) =>
                (await sender.Send(filter.ToQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Journal d'audit, du plus récent au plus ancien.");

        return api;
    }

    internal sealed record AuditFilter(string? EntityType, string? EntityId, string? Operation, DateTime? From, DateTime? To, int? Page, int? PageSize)
    {
        public GetAuditTrail ToQuery() => new(EntityType, EntityId, Operation, From, To, Page ?? 1, PageSize ?? 50);
    }
}
