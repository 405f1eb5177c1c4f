using System.Globalization;
using Microsoft.Extensions.Options;

namespace PtceFunding.Application.Documents;

/// <summary>An upload that passed the checks and is in the file store.</summary>
public sealed record AcceptedDocument(string FileName, string ContentType, StoredFile File);

/// <summary>
/// Takes an upload into the file store for a command: size and type are checked on a private
/// temporary copy first, so a refused file never reaches the store; a stored file is deleted again
/// when the command does not commit.
/// </summary>
internal sealed class DocumentIntake(IFileStore store, IUnitOfWork unitOfWork, IOptions<DocumentOptions> options)
{
    private const int ChunkSize = 81920;

    public async Task<Result<AcceptedDocument>> Accept(string fileName, long declaredLength, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = CleanFileName(fileName);
        var max = options.Value.MaxSizeBytes;
        if (declaredLength > max)
        {
            return TooLarge(name, max);
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"ptce-upload-{Guid.NewGuid():N}.tmp");
        await using var copy = new FileStream(
            temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);

        // The declared length is the client's word: the copy stops one byte past the limit whatever it said.
        var buffer = new byte[ChunkSize];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > max)
            {
                return TooLarge(name, max);
            }

            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        await copy.FlushAsync(cancellationToken).ConfigureAwait(false);
        var type = FileTypes.Check(name, copy);
        if (!type.IsSuccess)
        {
            return type.Error;
        }

        copy.Position = 0;
        var stored = await store.Save(copy, cancellationToken).ConfigureAwait(false);
        unitOfWork.OnRolledBack(() => store.Delete(stored.Key, CancellationToken.None));
        return new AcceptedDocument(name, type.Value.ContentType, stored);
    }

    /// <summary>The name as shown and offered on download: no folders, no control characters, at most 255 characters.</summary>
    public static string CleanFileName(string fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length <= 16 ? name[..(255 - extension.Length)] + extension : name[..255];
        }

        return name.Length == 0 ? "document" : name;
    }

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{bytes / (1024d * 1024):0.#} Mo")
            : string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{Math.Ceiling(bytes / 1024d):0} ko");

    private static Error TooLarge(string fileName, long max)
    {
        var message = $"Le fichier « {fileName} » dépasse la taille maximale de {FormatSize(max)}.";
        return new Error("document.too_large", message, ErrorKind.Validation) { FieldErrors = new Dictionary<string, string[]> { ["file"] = [message] } };
    }
}
