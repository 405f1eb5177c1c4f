using System.IO.Compression;
using System.Text;

namespace PtceFunding.Application.Documents;

/// <summary>
/// Finds content that acts when a file is opened, in a file already recognised as an allowed type (ASVS V12.2, V12.5):
/// web code in its first kilobyte (HTML, script, frame, SVG: a browser that sniffs would run it); in a PDF, a script
/// (<c>/JavaScript</c>, <c>/JS</c>), a launch or embedded-go-to action, embedded files or rich media, including inside
/// compressed streams (an <c>/OpenAction</c> that only opens a page or a view, as PDF producers write, is kept); in an
/// office document, macros (<c>vbaProject.bin</c>, OpenDocument <c>Basic/</c> and <c>Scripts/</c>), ActiveX controls,
/// OLE packages or embedded programs; after an image's end marker, appended data (a file hidden behind a picture).
/// Pure: it only reads the stream it is given, a chunk at a time.
/// </summary>
public static class ActiveContent
{
    private const int WebCodeWindow = 1024;
    private const int ChunkSize = 64 * 1024;

    /// <summary>Inflated bytes examined per PDF at most; past this, the file is refused as too deeply compressed to examine.</summary>
    private const long InflateBudget = 200L * 1024 * 1024;

    private static readonly string[] WebCodeMarkers = ["<html", "<script", "<iframe", "<svg"];

    private static readonly HashSet<string> ActivePdfNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "GoToE", "RichMedia",
    };

    private static readonly string[] ProgramExtensions =
        [".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta", ".jar", ".sh", ".lnk"];

    /// <summary>What active content <paramref name="content"/> holds, as a French phrase ("un script (JavaScript)"); null when none.</summary>
    public static string? Find(FileType type, Stream content)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return WebCode(content)
                ?? (type == FileTypes.Pdf ? InPdf(content)
                    : type == FileTypes.Png ? AfterEnd(content, [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], trailingZeros: false)
                    : type == FileTypes.Jpeg ? AfterEnd(content, [0xFF, 0xD9], trailingZeros: true)
                    : InOfficeDocument(content));
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string? WebCode(Stream content)
    {
        content.Position = 0;
        var head = new byte[WebCodeWindow];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = Encoding.Latin1.GetString(head, 0, read);
        return WebCodeMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) ? "du code web (HTML, script ou SVG)" : null;
    }

    private static string? InPdf(Stream content)
    {
        content.Position = 0;
        var raw = new PdfNameScanner();
        var streams = new List<long>();
        var buffer = new byte[ChunkSize];
        long offset = 0;
        var keyword = new StreamKeyword();
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            raw.Feed(buffer.AsSpan(0, read));
            keyword.Feed(buffer.AsSpan(0, read), offset, streams);
            offset += read;
        }

        if (raw.Found is { } name)
        {
            return PdfPhrase(name);
        }

        // Object streams and content streams are usually compressed: what they hide is read inflated.
        long budget = InflateBudget;
        foreach (var start in streams)
        {
            content.Position = start;
            var inflated = new PdfNameScanner();
            try
            {
                using var zlib = new ZLibStream(content, CompressionMode.Decompress, leaveOpen: true);
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated.Feed(buffer.AsSpan(0, read));
                    if ((budget -= read) < 0)
                    {
                        return "des données compressées trop volumineuses pour être examinées";
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Not a Flate stream (an image, a font…), or one cut short: what was read has been examined.
            }

            if (inflated.Found is { } hidden)
            {
                return PdfPhrase(hidden);
            }
        }

        return null;
    }

    private static string PdfPhrase(string name) => name switch
    {
        "JavaScript" or "JS" => "un script (JavaScript)",
        "Launch" => "une action qui lance un programme",
        "EmbeddedFile" or "EmbeddedFiles" or "GoToE" => "des fichiers incorporés",
        _ => "un contenu multimédia actif",
    };

    private static string? AfterEnd(Stream content, byte[] end, bool trailingZeros)
    {
        // The last bytes, less any zero padding some cameras add, must be the end marker.
        var length = content.Length;
        var tail = new byte[(int)Math.Min(length, 4096)];
        content.Position = length - tail.Length;
        content.ReadExactly(tail);
        var last = tail.Length;
        while (trailingZeros && last > 0 && tail[last - 1] == 0)
        {
            last--;
        }

        return tail.AsSpan(0, last).EndsWith(end) ? null : "des données ajoutées après la fin de l'image";
    }

    private static string? InOfficeDocument(Stream content)
    {
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            var lower = name.ToLowerInvariant();
            if (lower.EndsWith("vbaproject.bin", StringComparison.Ordinal) || lower.StartsWith("basic/", StringComparison.Ordinal) || lower.StartsWith("scripts/", StringComparison.Ordinal))
            {
                return "des macros";
            }

            if (lower.Contains("/activex/", StringComparison.Ordinal) || lower.Contains("/embeddings/oleobject", StringComparison.Ordinal))
            {
                return "des objets actifs (ActiveX ou OLE)";
            }

            if (ProgramExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || StartsLikeAProgram(entry))
            {
                return $"un programme incorporé (« {Path.GetFileName(name)} »)";
            }
        }

        return null;
    }

    private static bool StartsLikeAProgram(ZipArchiveEntry entry)
    {
        if (entry.Length < 4)
        {
            return false;
        }

        using var stream = entry.Open();
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read >= 2 && (head.StartsWith("MZ"u8) || head[..read].StartsWith("\u007FELF"u8));
    }

    /// <summary>Reads PDF names (<c>/Name</c>, with their <c>#xx</c> escapes decoded) across chunks; remembers the first active one.</summary>
    private sealed class PdfNameScanner
    {
        private readonly StringBuilder _name = new();
        private bool _inName;
        private int _escape = -1;
        private int _escapeHigh;

        public string? Found { get; private set; }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (Found is not null)
                {
                    return;
                }

                if (!_inName)
                {
                    _inName = b == '/';
                    continue;
                }

                if (_escape >= 0)
                {
                    var digit = HexValue(b);
                    if (digit < 0)
                    {
                        End();
                        _inName = b == '/';
                        continue;
                    }

                    if (_escape == 0)
                    {
                        _escapeHigh = digit;
                        _escape = 1;
                    }
                    else
                    {
                        _name.Append((char)((_escapeHigh << 4) | digit));
                        _escape = -1;
                    }

                    continue;
                }

                if (b == '#')
                {
                    _escape = 0;
                }
                else if (IsDelimiter(b))
                {
                    End();
                    _inName = b == '/';
                }
                else if (_name.Length < 32)
                {
                    _name.Append((char)b);
                }
            }
        }

        private void End()
        {
            if (ActivePdfNames.Contains(_name.ToString()))
            {
                Found = _name.ToString();
            }

            _name.Clear();
            _inName = false;
            _escape = -1;
        }

        private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

        private static int HexValue(byte b) => b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
    }

    /// <summary>Finds where the data of each <c>stream</c> keyword starts (after its end of line), across chunks.</summary>
    private sealed class StreamKeyword
    {
        private static readonly byte[] Keyword = "stream"u8.ToArray();
        private int _matched;
        private bool _afterKeyword;
        private bool _afterCarriageReturn;

        public void Feed(ReadOnlySpan<byte> bytes, long offset, List<long> starts)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (_afterKeyword)
                {
                    _afterKeyword = false;
                    if (b == '\n')
                    {
                        starts.Add(offset + i + 1);
                        continue;
                    }

                    if (b == '\r')
                    {
                        _afterCarriageReturn = true;
                        continue;
                    }
                }

                if (_afterCarriageReturn)
                {
                    _afterCarriageReturn = false;
                    starts.Add(offset + i + (b == '\n' ? 1 : 0));
                }

                _matched = b == Keyword[_matched] ? _matched + 1 : b == Keyword[0] ? 1 : 0;
                if (_matched == Keyword.Length)
                {
                    _afterKeyword = true;
                    _matched = 0;
                }
            }
        }
    }
}
