using System.IO.Compression;
using System.Text;
using PtceFunding.Application.Documents;

namespace PtceFunding.Domain.Tests.Documents;

/// <summary>Files of an allowed type that would act when opened are refused, with the reason in French.</summary>
public sealed class ActiveContentTests
{
    private static readonly byte[] PngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert\\('x'\\)) >>", "un script (JavaScript)")]
    [InlineData("/AA << /O << /S /JS /JS (this.print\\(\\)) >> >>", "un script (JavaScript)")]
    [InlineData("/OpenAction << /S /J#61vaScript >>", "un script (JavaScript)")]
    [InlineData("/OpenAction << /S /Launch /F (cmd.exe) >>", "une action qui lance un programme")]
    [InlineData("/Names << /EmbeddedFiles 5 0 R >>", "des fichiers incorporés")]
    public void A_pdf_with_a_script_a_launch_action_or_embedded_files_is_refused(string catalogue, string reason)
    {
        var result = FileTypes.Check("statuts.pdf", new MemoryStream(Pdf($"1 0 obj\n<< /Type /Catalog {catalogue} >>\nendobj\n")));

        Assert.Equal("document.active_content", result.Error!.Code);
        Assert.StartsWith($"Le fichier « statuts.pdf » contient {reason}, qui pourrait s'exécuter à son ouverture : il n'est pas accepté.", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("« Imprimer »", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_hidden_in_a_compressed_object_stream_is_found()
    {
        var hidden = Deflate("2 0 obj << /S /JavaScript /JS (app.launchURL\\('https://example.org'\\)) >> endobj");
        var pdf = Pdf("1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length " + hidden.Length + " >>\nstream\r\n", hidden, "\r\nendstream\nendobj\n");

        Assert.Equal("document.active_content", FileTypes.Check("rapport.pdf", new MemoryStream(pdf)).Error!.Code);
    }

    [Fact]
    public void An_open_action_that_only_opens_a_page_and_a_compressed_page_are_kept()
    {
        var page = Deflate("BT /F1 12 Tf 72 712 Td (Statuts de la SCIC) Tj ET");
        var pdf = Pdf(
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /XYZ null null 0] >>\nendobj\n4 0 obj\n<< /Filter /FlateDecode /Length " + page.Length + " >>\nstream\n",
            page,
            "\nendstream\nendobj\n");

        Assert.True(FileTypes.Check("statuts.pdf", new MemoryStream(pdf)).IsSuccess);
    }

    [Theory]
    [InlineData("word/vbaProject.bin", "des macros")]
    [InlineData("word/activeX/activeX1.xml", "des objets actifs (ActiveX ou OLE)")]
    [InlineData("word/embeddings/oleObject1.bin", "des objets actifs (ActiveX ou OLE)")]
    [InlineData("word/embeddings/installer.exe", "un programme incorporé (« installer.exe »)")]
    public void A_word_document_with_macros_active_objects_or_a_program_is_refused(string entry, string reason)
    {
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<x/>"), (entry, "contenu"));

        Assert.Contains($"contient {reason}", FileTypes.Check("projet.docx", new MemoryStream(docx)).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opendocument_with_basic_macros_and_a_program_disguised_inside_are_refused()
    {
        var withMacros = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"), ("Basic/Standard/Module1.xml", "Sub Main"));
        var disguised = Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>"), ("Pictures/logo.png", "MZ\u0090\u0000programme"));

        Assert.Contains("contient des macros", FileTypes.Check("projet.odt", new MemoryStream(withMacros)).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("contient un programme incorporé (« logo.png »)", FileTypes.Check("budget.ods", new MemoryStream(disguised)).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_with_data_after_its_end_marker_is_refused_and_zero_padding_is_kept()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. PngEnd];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0xFF, 0xD9];
        var zip = Zip(("secret.txt", "caché derrière l'image"));

        Assert.Contains("contient des données ajoutées après la fin de l'image", FileTypes.Check("logo.png", new MemoryStream([.. png, .. zip])).Error!.Message, StringComparison.Ordinal);
        Assert.Equal("document.active_content", FileTypes.Check("photo.jpg", new MemoryStream([.. jpeg, .. zip])).Error!.Code);
        Assert.True(FileTypes.Check("photo.jpg", new MemoryStream([.. jpeg, 0, 0, 0])).IsSuccess);
        Assert.True(FileTypes.Check("logo.png", new MemoryStream(png)).IsSuccess);
    }

    [Theory]
    [InlineData("<html><body>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    [InlineData("<iframe src=x>")]
    [InlineData("<Svg onload=alert(1)>")]
    public void Web_code_in_the_first_kilobyte_is_refused_whatever_its_case(string code)
    {
        var result = FileTypes.Check("statuts.pdf", new MemoryStream(Pdf("% " + code + "\n")));

        Assert.Contains("contient du code web (HTML, script ou SVG)", result.Error!.Message, StringComparison.Ordinal);
    }

    private static byte[] Pdf(params object[] parts)
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("%PDF-1.7\n"));
        foreach (var part in parts)
        {
            bytes.AddRange(part as byte[] ?? Encoding.ASCII.GetBytes((string)part));
        }

        bytes.AddRange(Encoding.ASCII.GetBytes("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        return [.. bytes];
    }

    private static byte[] Deflate(string text)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.Latin1);
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
