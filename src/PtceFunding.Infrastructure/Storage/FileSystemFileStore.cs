using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PtceFunding.Infrastructure.Storage;

/// <summary>The <c>Storage</c> configuration section: where document files are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The root directory of the file store; a relative path is under the content root.</summary>
    public string Path { get; set; } = "App_Data/files";
}

/// <summary>
/// Document files in a directory tree (docs/adr/0015): <c>yyyy/MM/&lt;guid&gt;</c> under the root, keys
/// generated here and checked on every use, so no key can point outside the root. A file is written
/// beside its final place, hashed while it is copied, flushed, then moved into place: a reader never
/// sees half a file.
/// </summary>
internal sealed partial class FileSystemFileStore(IOptions<StorageOptions> options, IHostEnvironment environment, TimeProvider clock) : IFileStore
{
    private const int ChunkSize = 81920;

    private string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.Path));

    public async Task<StoredFile> Save(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = clock.GetUtcNow().UtcDateTime;
        var key = FormattableString.Invariant($"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}");
        var path = PathOf(key);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.tmp");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[ChunkSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    size += read;
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredFile(key, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public Task Delete(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Only keys this store generates are accepted, and the resolved path must stay under the root.</summary>
    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a key of this file store.", nameof(key));
        }

        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, key));
        return path.StartsWith(Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{key}' resolves outside the file store.", nameof(key));
    }

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
