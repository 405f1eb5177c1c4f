using PtceFunding.Application.Reporting;
using PtceFunding.Domain.Reporting;

namespace PtceFunding.Web.Api;

/// <summary>
/// Reports owed under agreements (comptes rendus): read by whoever sees the agreement, filed by the lead member's
/// verified users (indicators, attachments as multipart forms with a bearer token, submission), reviewed by the program
/// officers of a funder party (return, approval, rejection); indicators per agreement and totals per call.
/// </summary>
internal static class ReportEndpoints
{
    public sealed record IndicatorsBody(IReadOnlyList<IndicatorValue> Values, int? ExpectedVersion);

    public sealed record VersionBody(int? ExpectedVersion);

    public sealed record ReturnBody(string Comments, DateOnly NewDueOn, int? ExpectedVersion);

    public sealed record RejectBody(string Reason, int? ExpectedVersion);

    /// <summary>Room for the multipart envelope and the other fields around a file of the maximum size.</summary>
    private const long EnvelopeAllowance = 1024 * 1024;

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api, long maxSizeBytes)
    {
        api.MapGet("/agreements/{id:guid}/reports", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListReports(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .WithTags("Comptes rendus")
            .WithSummary("Les comptes rendus dus au titre d'une convention, avec leur statut du jour.");

        api.MapGet("/agreements/{id:guid}/indicators", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetIndicatorProgress(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .WithTags("Comptes rendus")
            .WithSummary("Les indicateurs d'une convention : valeur de départ, cible et réalisé (comptes rendus d'activité approuvés) par année.");

        api.MapGet("/calls/{id:guid}/indicators", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetIndicatorTotalsByCall(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Comptes rendus")
            .WithSummary("Les indicateurs d'un appel cumulés sur ses conventions : réalisé de la dernière année approuvée et cibles correspondantes.");

        var reports = api.MapGroup("/reports/{id:guid}").WithTags("Comptes rendus");

        reports.MapGet("/", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetReport(id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.AgreementReaders)
            .WithSummary("Un compte rendu : indicateurs, pièces, examens.");

        reports.MapPut("/indicators", async (Guid id, IndicatorsBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SaveReportIndicators(id, body.Values ?? [], body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Enregistre les valeurs des indicateurs du compte rendu (brouillon).");

        reports.MapPost("/attachments", async (Guid id, IFormFile file, [FromForm] string type, ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return (await sender.Send(new UploadReportAttachment(id, type, file.FileName, file.Length, content), ct))
                    .ToHttp(attachment => TypedResults.Created($"/api/reports/{id}/attachments/{attachment.Id}", attachment));
            })
            .RequireAuthorization(Policies.Applicant)
            .DisableAntiforgery()
            .WithRequestLimit(maxSizeBytes + EnvelopeAllowance)
            .WithSummary("Joint au compte rendu une pièce demandée (champs « file » et « type », p. ex. comptes-approuves) ; remplace la précédente de ce type.");

        reports.MapGet("/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DownloadReportAttachment(id, attachmentId), ct)).ToHttp(download => DocumentEndpoints.Attachment(http, download)))
            .RequireAuthorization(Policies.AgreementReaders)
            .WithSummary("Télécharge une pièce du compte rendu (toujours en pièce jointe).");

        reports.MapPost("/submit", async (Guid id, VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitReport(id, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Applicant)
            .WithSummary("Dépose le compte rendu ; tout ce qui manque est signalé en une fois.");

        reports.MapPost("/return", async (Guid id, ReturnBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReturnReport(id, body.Comments, body.NewDueOn, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Renvoie un compte rendu déposé pour compléments, avec observations et nouvelle échéance.");

        reports.MapPost("/approve", async (Guid id, VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveReport(id, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Approuve un compte rendu déposé ; les comptes rendus d'une année tous approuvés débloquent son solde.");

        reports.MapPost("/reject", async (Guid id, RejectBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RejectReport(id, body.Reason, body.ExpectedVersion), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ProgramOfficer)
            .WithSummary("Rejette un compte rendu déposé, avec son motif.");
        return api;
    }
}
