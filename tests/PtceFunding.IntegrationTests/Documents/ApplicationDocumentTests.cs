using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Users;

namespace PtceFunding.IntegrationTests.Documents;

/// <summary>Files of an application: checked before being stored, kept outside the database, served only as attachments, to the consortium only.</summary>
public sealed class ApplicationDocumentTests(SmallUploadsApp app) : IClassFixture<SmallUploadsApp>
{
    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_downloads_as_an_attachment_with_the_same_bytes()
    {
        var consortium = await Draft();
        var pdf = Uploads.Pdf();

        var uploaded = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(pdf, "Statuts signés.pdf", "statuts", claimedType: "text/html"));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var line = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var documentId = line.GetProperty("id").GetGuid();
        var row = await app.Db(db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.Id == documentId));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        Assert.Equal(pdf.Length, row.Size);
        Assert.Equal("application/pdf", row.ContentType);
        Assert.Equal("statuts", row.RequiredDocumentCode);
        Assert.Matches("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$", row.StorageKey);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(app.StoragePath, row.StorageKey)));

        var listed = await consortium.Applicant.GetFromJsonAsync<JsonElement>(DocumentsOf(consortium));
        Assert.Equal("Statuts signés.pdf", Assert.Single(listed.EnumerateArray()).GetProperty("fileName").GetString());

        var download = await consortium.Applicant.GetAsync($"{DocumentsOf(consortium)}/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Statuts signés.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_second_file_for_the_same_required_document_replaces_the_first_and_its_bytes()
    {
        var consortium = await Draft();
        var first = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "statuts-2019.pdf", "statuts"));
        var firstKey = await KeyOf((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var second = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "statuts-2024.pdf", "STATUTS"));
        var other = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "lettre.pdf"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var rows = await app.Db(db => db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == consortium.ApplicationId).ToListAsync());
        Assert.Equal(["lettre.pdf", "statuts-2024.pdf"], rows.Select(r => r.FileName).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(app.StoragePath, firstKey)));
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(app.StoragePath, r.StorageKey))));
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_and_nothing_is_stored()
    {
        var consortium = await Draft();
        var before = Uploads.StoredFiles(app);

        var justOver = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf((int)SmallUploadsApp.MaxSizeBytes + 1), "statuts.pdf", "statuts"));
        var farOver = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf((int)SmallUploadsApp.MaxSizeBytes * 8), "statuts.pdf", "statuts"));

        Assert.Equal(HttpStatusCode.BadRequest, justOver.StatusCode);
        var problem = await justOver.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document.too_large", problem.GetProperty("code").GetString());
        Assert.Equal("Le fichier « statuts.pdf » dépasse la taille maximale de 256 ko.", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal("application/problem+json", justOver.Content.Headers.ContentType!.MediaType);
        // Far beyond the limit the body is not even read to the end: a 413, still a problem document.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, farOver.StatusCode);
        Assert.Equal("application/problem+json", farOver.Content.Headers.ContentType!.MediaType);
        Assert.Equal("request.too_large", (await farOver.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await AssertNothingStored(consortium, before);
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_allowed_type_is_refused_and_nothing_is_stored()
    {
        var consortium = await Draft();
        var before = Uploads.StoredFiles(app);

        var executable = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Elf(), "statuts.pdf", "statuts"));
        var text = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Encoding.UTF8.GetBytes("Nos statuts, en texte."), "statuts.txt", claimedType: "text/plain"));
        var renamed = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "statuts.docx"));

        Assert.Equal(HttpStatusCode.BadRequest, executable.StatusCode);
        var problem = await executable.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document.type_not_allowed", problem.GetProperty("code").GetString());
        Assert.StartsWith(
            "Le fichier « statuts.pdf » porte l'extension .pdf mais son contenu est un programme exécutable (ELF) : ce type de fichier n'est pas accepté.",
            problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("document.type_not_allowed", (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("document.extension_mismatch", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await AssertNothingStored(consortium, before);
    }

    [Fact]
    public async Task A_file_that_would_act_when_opened_is_refused_with_its_reason_and_nothing_is_stored()
    {
        var consortium = await Draft();
        var before = Uploads.StoredFiles(app);

        foreach (var (reason, (fileName, content)) in Uploads.Active)
        {
            using var response = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(content, fileName));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("document.active_content", problem.GetProperty("code").GetString());
            Assert.StartsWith($"Le fichier « {fileName} » contient {reason}, qui pourrait s'exécuter", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        await AssertNothingStored(consortium, before);
    }

    [Fact]
    public async Task The_audit_trail_keeps_only_the_length_of_a_drafts_text_until_it_is_submitted()
    {
        var consortium = await Draft();

        var trail = await app.Db(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "FundingApplication" && a.EntityId == consortium.ApplicationId.Value.ToString())
            .Select(a => a.Changes).ToListAsync());

        Assert.NotEmpty(trail);
        Assert.All(trail, changes => Assert.DoesNotContain("Croix-Rousse", changes, StringComparison.Ordinal));
        Assert.Contains(trail, changes => changes.Contains("(brouillon : ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_the_call_does_not_ask_for_is_refused_before_anything_is_stored()
    {
        var consortium = await Draft();
        var before = Uploads.StoredFiles(app);

        var response = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "kbis.pdf", "kbis"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("L'appel ne demande pas de pièce « kbis ».", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requiredDocumentCode")[0].GetString());
        await AssertNothingStored(consortium, before);
    }

    [Fact]
    public async Task A_user_of_another_consortium_gets_404_on_the_application_and_its_documents()
    {
        var officer = await Officer();
        var a = await Consortia.WithDraft(app, officer);
        var b = await Consortia.WithDraft(app, officer);
        var uploaded = await a.Applicant.PostAsync(DocumentsOf(a), Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts"));
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = Uploads.StoredFiles(app);

        var list = await b.Applicant.GetAsync(DocumentsOf(a));
        var download = await b.Applicant.GetAsync($"{DocumentsOf(a)}/{documentId}");
        var upload = await b.Applicant.PostAsync(DocumentsOf(a), Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts"));
        var delete = await b.Applicant.DeleteAsync($"{DocumentsOf(a)}/{documentId}");
        var crossed = await b.Applicant.GetAsync($"{DocumentsOf(b)}/{documentId}");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal("application.not_found", (await download.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(before, Uploads.StoredFiles(app));
        Assert.Equal(1, await app.Db(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == a.ApplicationId)));

        // A program officer does not see a draft either: drafts are the consortium's own.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{DocumentsOf(a)}/{documentId}")).StatusCode);
    }

    [Fact]
    public async Task Documents_are_removed_from_a_draft_and_neither_added_nor_removed_once_it_is_no_longer_a_draft()
    {
        var consortium = await Draft();
        var kept = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts"));
        var keptId = (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var removed = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "brouillon.pdf"));
        var removedId = (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var removedKey = await KeyOf(removedId);

        Assert.Equal(HttpStatusCode.NoContent, (await consortium.Applicant.DeleteAsync($"{DocumentsOf(consortium)}/{removedId}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.StoragePath, removedKey)));

        await app.Db(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == consortium.ApplicationId);
            Assert.True(application.Withdraw("Le projet est reporté.", app.Clock.GetUtcNow()).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var before = Uploads.StoredFiles(app);
        var upload = await consortium.Applicant.PostAsync(DocumentsOf(consortium), Uploads.Form(Uploads.Pdf(), "statuts.pdf", "statuts"));
        var delete = await consortium.Applicant.DeleteAsync($"{DocumentsOf(consortium)}/{keptId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal("application.frozen", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, delete.StatusCode);
        Assert.Equal(before, Uploads.StoredFiles(app));
        Assert.Equal(HttpStatusCode.OK, (await consortium.Applicant.GetAsync($"{DocumentsOf(consortium)}/{keptId}")).StatusCode);
    }

    [Fact]
    public async Task Keys_the_store_did_not_generate_are_refused()
    {
        var store = app.Services.GetRequiredService<IFileStore>();

        Assert.Throws<ArgumentException>(() => store.OpenRead("../../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.OpenRead("2026/11/../../../../etc/passwd"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Delete("/etc/hostname", CancellationToken.None));
    }

    private async Task<HttpClient> Officer() => await app.ClientFor(Roles.ProgramOfficer, await app.AddFunder(FunderKind.StateRegionalOffice, Consortia.Region));

    private async Task<Consortium> Draft() => await Consortia.WithDraft(app, await Officer());

    private static string DocumentsOf(Consortium consortium) => $"/api/applications/{consortium.ApplicationId}/documents";

    private Task<string> KeyOf(Guid documentId) => app.Db(db => db.ApplicationDocuments.Where(d => d.Id == documentId).Select(d => d.StorageKey).SingleAsync());

    private async Task AssertNothingStored(Consortium consortium, IReadOnlyList<string> filesBefore)
    {
        Assert.Equal(0, await app.Db(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == consortium.ApplicationId)));
        Assert.Equal(filesBefore, Uploads.StoredFiles(app));
    }
}
