using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace PtceFunding.IntegrationTests.Documents;

/// <summary>The application with a small upload limit, so that oversize files are cheap to send.</summary>
public sealed class SmallUploadsApp : PtceApp
{
    public const long MaxSizeBytes = 256 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:MaxSizeBytes", MaxSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Multipart bodies as a browser or a client library sends them, and sample contents.</summary>
public static class Uploads
{
    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>The first bytes of a Linux executable.</summary>
    public static byte[] Elf() => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0];

    /// <summary>Files of an allowed type that would act when opened, by what they hold.</summary>
    public static IReadOnlyDictionary<string, (string FileName, byte[] Content)> Active => new Dictionary<string, (string, byte[])>
    {
        ["un script (JavaScript)"] = ("statuts.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>\nendobj\n%%EOF\n")),
        ["une action qui lance un programme"] = ("statuts.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Action /S /Launch /F (calc.exe) >>\nendobj\n%%EOF\n")),
        ["des fichiers incorporés"] = ("statuts.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>\nendobj\n%%EOF\n")),
        ["des macros"] = ("projet.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<x/>"), ("word/vbaProject.bin", "macro"))),
        ["un programme incorporé (« setup.exe »)"] = ("budget.xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<x/>"), ("xl/embeddings/setup.exe", "MZ"))),
        ["des données ajoutées après la fin de l'image"] = ("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82, .. Zip(("caché.txt", "secret"))]),
        ["du code web (HTML, script ou SVG)"] = ("statuts.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n% <html><script>fetch('/api/me')</script>\n%%EOF\n")),
    };

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A form with the file under "file", claiming whatever type the client likes (the server never believes it).</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName, string? requiredDocumentCode = null, string claimedType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        if (requiredDocumentCode is not null)
        {
            form.Add(new StringContent(requiredDocumentCode), "requiredDocumentCode");
        }

        return form;
    }

    /// <summary>Every file under the store's root (including temporary ones).</summary>
    public static IReadOnlyList<string> StoredFiles(PtceApp app) =>
        [.. Directory.EnumerateFiles(app.StoragePath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
