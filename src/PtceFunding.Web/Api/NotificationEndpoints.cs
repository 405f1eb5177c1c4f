using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Notifications;

namespace PtceFunding.Web.Api;

internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Authenticated);
        mine.MapGet("/", async (int? page, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListMyNotifications(page ?? 1), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Mes notifications, des plus récentes aux plus anciennes, et le nombre de non lues.");
        mine.MapPost("/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new MarkNotificationRead(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Marque une de mes notifications comme lue.");

        var outbox = api.MapGroup("/admin/outbox").WithTags("Administration").RequireAuthorization(Policies.PlatformAdministrator);
        outbox.MapGet("/", async (DeliveryStatus? status, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetOutbox(status), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("File des notifications : en attente, envoyées, en échec.");
        outbox.MapPost("/{id:guid}/retry", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RetryNotification(id), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Relance l'envoi d'une notification en échec.");
        return api;
    }
}
