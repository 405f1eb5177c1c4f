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
            .WithSummary("Crée le compte d'un agent d'un financeur, sans mot de passe : l'agent reçoit un lien pour choisir le sien.");

        group.MapPut("/users/{id:guid}/role", async (Guid id, RoleBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeStaffRole(id, body.Role), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Change le rôle d'un agent ; ses sessions et jetons prennent fin aussitôt.");

        group.MapPost("/users/{id:guid}/deactivation", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetStaffAccountActive(id, Active: false), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Désactive le compte d'un agent : il ne peut plus se connecter, ses sessions et jetons prennent fin aussitôt.");

        group.MapDelete("/users/{id:guid}/deactivation", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetStaffAccountActive(id, Active: true), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Réactive le compte d'un agent.");

        group.MapDelete("/users/{id:guid}/second-factor", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResetStaffSecondFactor(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Réinitialise la double authentification d'un agent qui a perdu son application et ses codes de secours : ses sessions et jetons prennent fin, il l'active de nouveau à sa prochaine connexion.");

        group.MapGet("/audit", async ([AsParameters] AuditFilter filter, ISender sender, CancellationToken ct) =>
                (await sender.Send(filter.ToQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Journal d'audit, du plus récent au plus ancien.");

        return api;
    }

    public sealed record RoleBody(string Role);

    internal sealed record AuditFilter(string? EntityType, string? EntityId, string? Operation, DateTime? From, DateTime? To, int? Page, int? PageSize)
    {
        public GetAuditTrail ToQuery() => new(EntityType, EntityId, Operation, From, To, Page ?? 1, PageSize ?? 50);
    }
}
