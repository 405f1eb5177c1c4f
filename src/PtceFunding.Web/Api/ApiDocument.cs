using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PtceFunding.Web.Api;

/// <summary>
/// The OpenAPI document partners generate their clients from (docs/adr/0035): the security schemes (OAuth 2 client
/// credentials for partner systems, authorization code for the platform's tools, the sign-in cookie of the pages), on
/// every operation its security and scopes, a stable <c>operationId</c> made of its method and route, and the error
/// answers it can give as problem details (RFC 9457). Linted by Redocly's recommended rules in the test suite.
/// </summary>
internal static class ApiDocument
{
    public const string OAuth = "oauth2";
    public const string Cookie = "cookie";
    public const string Problem = "ProblemDetails";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<OperationDescription>();
        });

    /// <summary>
    /// "POST /api/admin/partner-clients/{id:guid}/revoke" → "postAdminPartnerClientsByIdRevoke"; ".csv" → "Csv"; a route outside
    /// /api (the public files) starts with "Public": "GET /open-data/subventions.csv" → "getPublicOpenDataSubventionsCsv".
    /// </summary>
    public static string OperationIdOf(string method, string route)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.FirstOrDefault() != "api")
        {
            id.Append("Public");
        }

        foreach (var segment in segments.SkipWhile(s => s == "api"))
        {
            var word = System.Text.RegularExpressions.Regex.Replace(segment, @"\{\**([^}:]+)[^}]*\}", match => "By-" + match.Groups[1].Value + "-");
            foreach (var part in word.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                id.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
            }
        }

        return id.ToString();
    }

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Administration"] = "Tâches planifiées, file des notifications, comptes du personnel, clients partenaires (administrateurs).",
        ["Appels"] = "Appels à manifestation d'intérêt, sessions de comité, indicateurs et grilles.",
        ["Authentification"] = "Connexion et double authentification des personnes.",
        ["Calendrier"] = "Les échéances de chacun en flux iCalendar.",
        ["Candidatures"] = "Les dossiers des consortiums : brouillon, dépôt, corrections.",
        ["Comité"] = "Les sessions de comité : conflits d'intérêts, décisions.",
        ["Compte"] = "Le compte de la personne connectée.",
        ["Comptes rendus"] = "Les comptes rendus d'activité et financiers des conventions.",
        ["Conventions"] = "Les conventions pluriannuelles d'objectifs : rédaction, signatures, avenants, résiliation.",
        ["Coordonnées bancaires"] = "Les RIB des organisations, approuvés à quatre yeux.",
        ["Documents"] = "Les pièces jointes des dossiers.",
        ["Données ouvertes"] = "Les subventions attribuées (SCDL, 360Giving).",
        ["Expertise"] = "Les avis des experts.",
        ["Finances"] = "Engagé, versé et reste à verser ; prévisions de versement.",
        ["Financeurs"] = "L'État et les Régions qui financent les PTCE.",
        ["Instruction"] = "L'instruction des dossiers par les chargés de mission.",
        ["Notifications"] = "Les notifications de chacun.",
        ["Organisations"] = "Les organisations membres des consortiums et leurs adhésions.",
        ["Paiements"] = "Engagements juridiques, mises en paiement, paiements et reversements.",
    };

    private sealed class DocumentDescription : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "PtceFunding — API";
            document.Info.Description = "L'API de la plateforme de financement des PTCE : candidatures, instruction, comités, conventions, paiements, comptes rendus, données ouvertes. "
                + "Les systèmes partenaires s'authentifient en OAuth 2 (client credentials) et n'atteignent que les opérations de leurs autorisations, pour leur financeur. "
                + "Guide des partenaires : docs/partners.md ; référence interactive : /api-reference.";
            document.Info.License = new OpenApiLicense { Name = "Licence Ouverte 2.0 (documentation)", Url = new Uri("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") };
            document.Servers = [new OpenApiServer { Url = "/", Description = "Cette instance de la plateforme" }];
            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                tag.Description ??= tag.Name is { } name ? Tags.GetValueOrDefault(name) : null;
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [OAuth] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Jetons de l'autorisation OAuth 2 de la plateforme (jetons de référence, 10 minutes, révocables).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = PartnerScope.All.ToDictionary(s => s.Name, s => s.Label),
                        },
                        AuthorizationCode = new OpenApiOAuthFlow
                        {
                            AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = new Dictionary<string, string> { ["api"] = "Agir comme la personne connectée", ["offline_access"] = "Jeton de rafraîchissement" },
                        },
                    },
                },
                [Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = ".AspNetCore.Identity.Application",
                    Description = "La session des pages ; les écritures exigent aussi l'en-tête X-CSRF-TOKEN (GET /api/me/antiforgery-token).",
                },
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[Problem] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Une erreur (RFC 9457) : « code » est stable, « detail » est en français ; « errors » détaille les champs refusés.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } } },
                },
            };
            return Task.CompletedTask;
        }
    }

    private sealed class OperationDescription : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var description = context.Description;
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var route = "/" + (description.RelativePath ?? "").TrimStart('/');
            var method = description.HttpMethod ?? "GET";
            operation.OperationId ??= OperationIdOf(method, route);
            var document = context.Document!;

            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            if (anonymous)
            {
                operation.Security = [];
            }
            else
            {
                var partner = metadata.OfType<PartnerScopeMetadata>().FirstOrDefault();
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth, document)] = partner is null ? ["api"] : ["api", partner.Scope] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] },
                ];
            }

            operation.Responses ??= new OpenApiResponses();
            var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
            var hasInput = writes || description.ParameterDescriptions.Count > 0;
            var names = route.Contains('{', StringComparison.Ordinal);
            Add(operation, document, "400", "Requête invalide : les champs refusés sont dans « errors ».", hasInput);
            Add(operation, document, "401", "Authentification requise, ou jeton expiré ou révoqué.", !anonymous);
            Add(operation, document, "403", "Accès refusé (rôle, autorisation du client, double authentification).", !anonymous);
            Add(operation, document, "404", "Introuvable, ou hors de ce que l'appelant voit.", names);
            Add(operation, document, "409", "Conflit : une autre modification est passée entre-temps (version) ou la même opération vient d'être faite.", writes);
            Add(operation, document, "422", "Règle de gestion non respectée.", writes);
            return Task.CompletedTask;
        }

        private static void Add(OpenApiOperation operation, OpenApiDocument document, string status, string text, bool applies)
        {
            if (!applies || operation.Responses!.ContainsKey(status))
            {
                return;
            }

            operation.Responses[status] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Problem, document) } },
            };
        }
    }
}
