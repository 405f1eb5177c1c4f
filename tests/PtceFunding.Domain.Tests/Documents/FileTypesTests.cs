using System.IO.Compression;
using System.Text;
using PtceFunding.Application.Documents;

namespace PtceFunding.Domain.Tests.Documents;

public sealed class FileTypesTests
{
    private static readonly byte[] PngEnd = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, .. PngEnd];
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 0xFF, 0xD9];
    private static readonly byte[] ElfBytes = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0];
    private static readonly byte[] WindowsExeBytes = [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0];

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "statuts.pdf", PdfBytes, "application/pdf" },
        { "logo.png", PngBytes, "image/png" },
        { "photo.JPG", JpegBytes, "image/jpeg" },
        { "photo.jpeg", JpegBytes, "image/jpeg" },
        { "projet.docx", OfficeOpenXml("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "budget.xlsx", OfficeOpenXml("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "présentation.pptx", OfficeOpenXml("ppt/presentation.xml"), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "projet.odt", OpenDocument("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text" },
        { "budget.ods", OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Allowed_types_are_recognised_by_their_content(string fileName, byte[] content, string contentType)
    {
        var result = FileTypes.Check(fileName, new MemoryStream(content));

        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error!.Message);
        Assert.Equal(contentType, result.Value.ContentType);
    }

    [Fact]
    public void An_executable_named_pdf_is_refused_for_what_it_is()
    {
        var elf = FileTypes.Check("statuts.pdf", new MemoryStream(ElfBytes));
        var exe = FileTypes.Check("statuts.pdf", new MemoryStream(WindowsExeBytes));

        Assert.Equal("document.type_not_allowed", elf.Error!.Code);
        Assert.Equal(
            "Le fichier « statuts.pdf » porte l'extension .pdf mais son contenu est un programme exécutable (ELF) : ce type de fichier n'est pas accepté. " +
            "Types acceptés : PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods).",
            elf.Error!.Message);
        Assert.Contains("un programme exécutable Windows", exe.Error!.Message, StringComparison.Ordinal);
        Assert.Equal([elf.Error!.Message], elf.Error!.FieldErrors["file"]);
    }

    [Fact]
    public void A_plain_zip_named_pdf_is_refused_as_an_archive()
    {
        var result = FileTypes.Check("statuts.pdf", new MemoryStream(Zip(("notes.txt", "bonjour"))));

        Assert.Equal("document.type_not_allowed", result.Error!.Code);
        Assert.Contains("porte l'extension .pdf mais son contenu est une archive ZIP :", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lisez-moi.txt", "Bonjour, voici nos statuts.", "est du texte brut")]
    [InlineData("vide.pdf", "", "son contenu est un fichier vide")]
    public void Text_and_empty_files_are_refused(string fileName, string text, string expected)
    {
        var result = FileTypes.Check(fileName, new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("document.type_not_allowed", result.Error!.Code);
        Assert.Contains(expected, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_with_another_extension_is_refused_with_the_extension_to_use()
    {
        var result = FileTypes.Check("statuts.docx", new MemoryStream(PdfBytes));

        Assert.Equal("document.extension_mismatch", result.Error!.Code);
        Assert.Equal(
            "Le fichier « statuts.docx » porte l'extension .docx mais son contenu est un document PDF : renommez-le en .pdf ou envoyez le bon fichier.",
            result.Error!.Message);
    }

    [Fact]
    public void A_spreadsheet_named_as_a_text_document_is_refused()
    {
        Assert.Equal("document.extension_mismatch", FileTypes.Check("projet.docx", new MemoryStream(OfficeOpenXml("xl/workbook.xml"))).Error!.Code);
        Assert.Equal("document.extension_mismatch", FileTypes.Check("projet.odt", new MemoryStream(OpenDocument("application/vnd.oasis.opendocument.spreadsheet"))).Error!.Code);
    }

    [Fact]
    public void A_file_without_extension_is_refused_even_when_its_content_is_allowed()
    {
        var result = FileTypes.Check("statuts", new MemoryStream(PdfBytes));

        Assert.Equal("document.extension_mismatch", result.Error!.Code);
        Assert.Contains("porte aucune extension", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_open_document_kinds_and_broken_archives_are_refused()
    {
        var drawing = FileTypes.Recognise(new MemoryStream(OpenDocument("application/vnd.oasis.opendocument.graphics")));
        var broken = FileTypes.Recognise(new MemoryStream([.. "PK\u0003\u0004"u8, 1, 2, 3, 4, 5]));

        Assert.Null(drawing.Type);
        Assert.Null(broken.Type);
        Assert.Equal("une archive ZIP illisible", broken.Description);
    }

    [Fact]
    public void Recognition_leaves_the_stream_at_its_start()
    {
        var stream = new MemoryStream(OfficeOpenXml("word/document.xml"));

        FileTypes.Recognise(stream);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void The_default_size_limit_is_20_megabytes()
    {
        Assert.Equal(20 * 1024 * 1024, new DocumentOptions().MaxSizeBytes);
        Assert.Equal("20 Mo", DocumentIntake.FormatSize(new DocumentOptions().MaxSizeBytes));
        Assert.Equal("1,5 Mo", DocumentIntake.FormatSize(3 * 512 * 1024));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\marie\Documents\statuts.pdf", "statuts.pdf")]
    [InlineData("sta\u0000tuts\n.pdf", "statuts.pdf")]
    [InlineData("   ", "document")]
    public void File_names_lose_their_folders_and_control_characters(string given, string kept)
    {
        Assert.Equal(kept, DocumentIntake.CleanFileName(given));
    }

    private static byte[] OfficeOpenXml(string mainPart) => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), (mainPart, "<x/>"));

    private static byte[] OpenDocument(string mimetype) => Zip(("mimetype", mimetype), ("content.xml", "<office:document-content/>"), ("META-INF/manifest.xml", "<manifest/>"));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
