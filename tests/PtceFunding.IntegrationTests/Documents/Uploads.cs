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
