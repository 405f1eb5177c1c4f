using Microsoft.Extensions.Options;
using PtceFunding.Application.Applications;
using PtceFunding.Application.Documents;
using PtceFunding.Application.Organisations;

namespace PtceFunding.Web.Api;

/// <summary>
/// Files attached to applications and to membership requests. Uploads are multipart forms sent with
/// a bearer token (hence no antiforgery token); downloads are always attachments, never shown inline.
/// </summary>
internal static class DocumentEndpoints
{
    /// <summary>Room for the multipart envelope and the other fields around a file of the maximum size.</summary>
    private const long EnvelopeAllowance = 1024 * 1024;

    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder api, long maxSizeBytes)
    {
        var requestLimit = maxSizeBytes + EnvelopeAllowance;
        var documents = api.MapGroup("/applications/{id:guid}/documents").WithTags("Documents").RequireAuthorization(Policies.Authenticated);

        documents.MapPost("/", async (Guid id, IFormFile file, [FromForm] string? requiredDocumentCode, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await sender.Send(new AttachApplicationDocument(id, requiredDocumentCode, file.FileName, file.Length, content), ct))
                    .ToHttp(document => TypedResults.Created($"/api/applications/{id}/documents/{document.Id}", document));
            })
            .RequireAuthorization(Policies.Applicant)
            .DisableAntiforgery()
            .WithRequestLimit(requestLimit)
            .WithSummary("Joint un fichier au dossier en préparation (champ « file », et « requiredDocumentCode » pour une pièce demandée par l'appel).");

        documents.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListApplicationDocuments(id), ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Les fichiers joints au dossier.");

        documents.MapGet("/{documentId:guid}", async (Guid id, Guid documentId, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DownloadApplicationDocument(id, documentId), ct)).ToHttp(download => Attachment(http, download)))
            .WithSummary("Télécharge un fichier joint au dossier (toujours en pièce jointe).");

        documents.MapDelete("/{documentId:guid}", async (Guid id, Guid documentId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RemoveApplicationDocument(id, documentId), ct)).ToHttp(TypedResults.NoContent))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Retire un fichier du dossier en préparation.");

        var mandates = api.MapGroup("/membership-requests/{id:guid}/mandate").WithTags("Organisations");
        mandates.MapPost("/", async (Guid id, IFormFile file, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await sender.Send(new AttachMembershipMandate(id, file.FileName, file.Length, content), ct)).ToHttp(TypedResults.Ok);
            })
            .RequireAuthorization(Policies.Applicant)
            .DisableAntiforgery()
            .WithRequestLimit(requestLimit)
            .WithSummary("Joint à ma demande de rattachement en attente le document qui la justifie (mandat, délégation…).");

        mandates.MapGet("/", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DownloadMembershipMandate(id), ct)).ToHttp(download => Attachment(http, download)))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Télécharge le document joint à une demande de rattachement de mon territoire.");
        return api;
    }

    /// <summary>The maximum upload size, from the <c>Documents</c> section, when the endpoints are mapped.</summary>
    public static long MaxUploadSize(this WebApplication app) => app.Services.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxSizeBytes;

    internal static RouteHandlerBuilder WithRequestLimit(this RouteHandlerBuilder builder, long limit) => builder
        .WithMetadata(new RequestSizeLimitAttribute(limit))
        .WithFormOptions(multipartBodyLengthLimit: limit);

    /// <summary>
    /// Never inline: a stored file is offered for saving, under its type as recognised from its
    /// content, and the browser is told not to guess another.
    /// </summary>
    internal static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult Attachment(HttpContext http, DocumentDownload download)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(download.Content, download.ContentType, download.FileName);
    }
}
