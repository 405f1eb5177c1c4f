using PtceFunding.Application.Users;

namespace PtceFunding.Web.Api;

internal static class AccountEndpoints
{
    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetMyProfile(), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("Le compte connecté : rôles, financeur, territoire.");
        api.MapPost("/me/password", async (ChangeMyPassword command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(TypedResults.NoContent))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("Change le mot de passe du compte connecté (le mot de passe actuel est exigé) ; toutes ses sessions et tous ses jetons prennent fin, y compris celui de la demande.");
        api.MapGet("/me/antiforgery-token", (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
                TypedResults.Ok(new AntiforgeryToken(ApiAntiforgery.HeaderName, antiforgery.GetAndStoreTokens(context).RequestToken!)))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("Le jeton anti-falsification à envoyer dans l'en-tête X-CSRF-TOKEN des écritures authentifiées par le cookie de session (inutile avec un jeton d'accès).");
        api.MapPost("/me/email-confirmation", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendEmailConfirmation(), ct)).ToHttp(() => TypedResults.Accepted((string?)null)))
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Compte")
            .WithSummary("M'envoie par courriel un lien qui confirme mon adresse électronique.");

        // Public: this is how an applicant gets an account. The answer is 202 whether or not the
        // address already has one; the account signs in only once its address is confirmed.
        var account = api.MapGroup("/account").WithTags("Compte");
        account.MapPost("/register", async (RegisterApplicant command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(() => TypedResults.Accepted((string?)null)))
            .AllowAnonymous()
            .WithSummary("Crée un compte porteur de projet et envoie le lien de confirmation de l'adresse (202 dans tous les cas, même si l'adresse a déjà un compte).");
        account.MapPost("/email-confirmation-requests", async (RequestEmailConfirmation command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(() => TypedResults.Accepted((string?)null)))
            .AllowAnonymous()
            .WithSummary("Renvoie le lien de confirmation à un compte dont l'adresse n'est pas confirmée (202 dans tous les cas).");
        return api;
    }
}
