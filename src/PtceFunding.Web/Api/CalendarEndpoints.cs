using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Reminders;

namespace PtceFunding.Web.Api;

/// <summary>The secret calendar address of the signed-in user, and the public iCalendar file it serves.</summary>
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarFeedEndpoints(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/calendar").WithTags("Compte").RequireAuthorization(Policies.Authenticated);
        mine.MapGet("", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetMyCalendarFeed(), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Si j'ai une adresse d'abonnement à mon calendrier des échéances, et depuis quand.");
        mine.MapPost("", async (ISender sender, ILinks links, CancellationToken ct) =>
                (await sender.Send(new CreateMyCalendarFeed(), ct)).ToHttp(token => TypedResults.Ok(new { url = links.Calendar(token) })))
            .WithSummary("Crée (ou remplace) mon adresse secrète d'abonnement au calendrier des échéances ; l'adresse n'est montrée qu'ici.");
        mine.MapDelete("", async (ISender sender, CancellationToken ct) => (await sender.Send(new RevokeMyCalendarFeed(), ct)).ToHttp(TypedResults.NoContent))
            .WithSummary("Révoque mon adresse d'abonnement au calendrier : elle ne répond plus.");
        return api;
    }

    public static IEndpointRouteBuilder MapPublicCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCalendar(token), ct)).ToHttp(text => TypedResults.Text(text, "text/calendar; charset=utf-8")))
            .AllowAnonymous()
            .WithTags("Calendrier")
            .WithSummary("Public, par adresse secrète : le fichier iCalendar des échéances à venir de la personne (404 si l'adresse est inconnue ou révoquée).");
        return app;
    }
}
