using System.IO.Compression;
using System.Text;

namespace PtceFunding.Application.Documents;

/// <summary>A type of document the platform accepts, with the extensions a file of that type may carry.</summary>
public sealed record FileType(string Label, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises a file by its content (magic bytes, and the entries of ZIP-based office formats),
/// never by the name or the type the browser claimed, checks that the extension agrees and that
/// the file holds nothing that acts when it is opened (<see cref="ActiveContent"/>).
/// Pure: it only reads the stream it is given.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("un document PDF", "application/pdf", [".pdf"]);
    public static readonly FileType Png = new("une image PNG", "image/png", [".png"]);
    public static readonly FileType Jpeg = new("une image JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileType Docx = new("un document Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileType Xlsx = new("un classeur Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileType Pptx = new("une présentation PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileType Odt = new("un texte OpenDocument", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly FileType Ods = new("un tableur OpenDocument", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);

    public static readonly IReadOnlyList<FileType> Allowed = [Pdf, Png, Jpeg, Docx, Xlsx, Pptx, Odt, Ods];

    public const string AllowedList = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods)";

    private const int HeadLength = 16;

    /// <summary>What a content is: an allowed type, or null with a French description of what was found instead.</summary>
    public sealed record Recognition(FileType? Type, string Description);

    /// <summary>Recognises the content of a seekable stream, read from its start.</summary>
    public static Recognition Recognise(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable: office formats are read from their ZIP directory.", nameof(content));
        }

        content.Position = 0;
        Span<byte> buffer = stackalloc byte[HeadLength];
        var read = content.ReadAtLeast(buffer, HeadLength, throwOnEndOfStream: false);
        ReadOnlySpan<byte> head = buffer[..read];
        content.Position = 0;

        if (read == 0)
        {
            return new(null, "un fichier vide");
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return new(Pdf, Pdf.Label);
        }

        if (Starts(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return new(Png, Png.Label);
        }

        if (Starts(head, 0xFF, 0xD8, 0xFF))
        {
            return new(Jpeg, Jpeg.Label);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return RecogniseZip(content);
        }

        return new(null, Other(head));
    }

    /// <summary>
    /// The type of an uploaded file when its content is an allowed type and its extension is one of
    /// that type's; otherwise a validation error saying precisely what is wrong, in French.
    /// </summary>
    public static Result<FileType> Check(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var recognition = Recognise(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (recognition.Type is null)
        {
            var claimed = Allowed.FirstOrDefault(t => t.Extensions.Contains(extension));
            var what = claimed is null
                ? $"Le fichier « {fileName} » est {recognition.Description}"
                : $"Le fichier « {fileName} » porte l'extension {extension} mais son contenu est {recognition.Description}";
            return Refusal("document.type_not_allowed", $"{what} : ce type de fichier n'est pas accepté. Types acceptés : {AllowedList}.");
        }

        if (!recognition.Type.Extensions.Contains(extension))
        {
            return Refusal(
                "document.extension_mismatch",
                $"Le fichier « {fileName} » porte {(extension.Length == 0 ? "aucune extension" : $"l'extension {extension}")} mais son contenu est {recognition.Description} : " +
                $"renommez-le en {recognition.Type.Extensions[0]} ou envoyez le bon fichier.");
        }

        if (ActiveContent.Find(recognition.Type, content) is { } active)
        {
            return Refusal(
                "document.active_content",
                $"Le fichier « {fileName} » contient {active}, qui pourrait s'exécuter à son ouverture : il n'est pas accepté. " +
                (recognition.Type == Pdf
                    ? "Enregistrez-le de nouveau au format PDF depuis la fonction « Imprimer » de votre logiciel, qui produit un PDF sans contenu actif, puis envoyez ce fichier."
                    : "Enregistrez-en une copie sans ce contenu (par exemple au format .docx plutôt que .docm, ou l'image exportée de nouveau), puis envoyez ce fichier."));
        }

        return recognition.Type;
    }

    private static Error Refusal(string code, string message) =>
        new(code, message, ErrorKind.Validation) { FieldErrors = new Dictionary<string, string[]> { ["file"] = [message] } };

    private static Recognition RecogniseZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > 0 && entries[0].FullName == "mimetype")
            {
                var mimetype = ReadSmallEntry(entries[0]);
                if (mimetype == Odt.ContentType)
                {
                    return new(Odt, Odt.Label);
                }

                if (mimetype == Ods.ContentType)
                {
                    return new(Ods, Ods.Label);
                }

                return new(null, "un document OpenDocument d'un autre type (seuls le texte et le tableur sont acceptés)");
            }

            if (entries.Any(e => e.FullName == "[Content_Types].xml"))
            {
                bool Has(string folder) => entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
                return Has("word/") ? new(Docx, Docx.Label)
                    : Has("xl/") ? new(Xlsx, Xlsx.Label)
                    : Has("ppt/") ? new(Pptx, Pptx.Label)
                    : new(null, "un document Office d'un type non reconnu");
            }

            return new(null, "une archive ZIP");
        }
        catch (InvalidDataException)
        {
            return new(null, "une archive ZIP illisible");
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>The OpenDocument "mimetype" entry is a short ASCII string; anything longer is not one.</summary>
    private static string? ReadSmallEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > 100)
        {
            return null;
        }

        using var stream = entry.Open();
        var buffer = new byte[101];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > 100 ? null : Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }

    private static string Other(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) ? "un programme exécutable Windows"
        : Starts(head, 0x7F, 0x45, 0x4C, 0x46) ? "un programme exécutable (ELF)"
        : Starts(head, 0xCF, 0xFA, 0xED, 0xFE) || Starts(head, 0xCE, 0xFA, 0xED, 0xFE) || Starts(head, 0xCA, 0xFE, 0xBA, 0xBE) ? "un programme exécutable macOS"
        : head.StartsWith("#!"u8) ? "un script exécutable"
        : Starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) ? "un document Office à l'ancien format (.doc, .xls, .ppt)"
        : head.StartsWith("GIF8"u8) ? "une image GIF"
        : Starts(head, 0x1F, 0x8B) ? "une archive compressée (gzip)"
        : head.StartsWith("Rar!"u8) ? "une archive RAR"
        : Starts(head, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C) ? "une archive 7-Zip"
        : head.StartsWith("{\\rtf"u8) ? "un document RTF"
        : IsText(head) ? "du texte brut"
        : "d'un format non reconnu";

    private static bool Starts(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
