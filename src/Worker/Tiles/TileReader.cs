using Azure;
using Azure.Storage.Blobs;
using LandUse.Worker.Options;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Tiles;

/// <summary>
/// Reads the tiles a request names: blob URLs on the one configured storage account, or paths relative to the
/// configured local root. Anything else is refused per tile, never read.
/// </summary>
internal sealed class TileReader(IOptions<WorkerOptions> options, BlobServiceClient? blobs = null)
{
    private readonly string? root = options.Value.Tiles.Root is { Length: > 0 } r
        ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)) + Path.DirectorySeparatorChar
        : null;

    /// <summary>Tiles larger than this are refused before they are read (Scoring's one tile size cap).</summary>
    public const long MaxTileBytes = LandUse.Scoring.Imaging.TileLimits.MaxFileBytes;

    public async Task<IReadOnlyList<TileRead>> ReadAllAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        var reads = new TileRead[refs.Count];
        await Parallel.ForAsync(
            0,
            refs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Tiles.ReadParallelism), CancellationToken = cancellationToken },
            async (i, ct) => reads[i] = await ReadAsync(refs[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return reads;
    }

    public async Task<TileRead> ReadAsync(string tileRef, CancellationToken cancellationToken)
    {
        try
        {
            return Uri.TryCreate(tileRef, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? await ReadBlobAsync(tileRef, uri, cancellationToken).ConfigureAwait(false)
                : await ReadFileAsync(tileRef, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            return TileRead.Failed(tileRef, $"Reading the blob failed ({ex.Status} {ex.ErrorCode}).");
        }
        catch (IOException ex)
        {
            return TileRead.Failed(tileRef, $"Reading the file failed: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return TileRead.Failed(tileRef, $"Reading the file failed: {ex.Message}");
        }
    }

    private async Task<TileRead> ReadBlobAsync(string tileRef, Uri uri, CancellationToken cancellationToken)
    {
        if (blobs is null)
        {
            return TileRead.Failed(tileRef, "The ref is a URL but no blob service is configured (Worker:Tiles:BlobServiceUri).");
        }

        if (!IsOnAccount(uri, blobs.Uri))
        {
            return TileRead.Failed(tileRef, $"The URL is not on the configured blob service {blobs.Uri}.");
        }

        var parts = new BlobUriBuilder(uri);
        if (string.IsNullOrEmpty(parts.BlobContainerName) || string.IsNullOrEmpty(parts.BlobName))
        {
            return TileRead.Failed(tileRef, "The URL does not name a blob.");
        }

        var blob = blobs.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var content = download.Value;
        var length = content.Details.ContentLength;
        if (length > MaxTileBytes)
        {
            return TileRead.Failed(tileRef, $"The blob is {length} bytes, over the {MaxTileBytes}-byte tile limit.");
        }

        var buffer = new MemoryStream((int)length);
        await using (content.Content.ConfigureAwait(false))
        {
            await content.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        return new TileRead(tileRef, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    private async Task<TileRead> ReadFileAsync(string tileRef, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            return TileRead.Failed(tileRef, "The ref is a relative path but no tile root is configured (Worker:Tiles:Root).");
        }

        if (tileRef.Length == 0 || tileRef.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(tileRef))
        {
            return TileRead.Failed(tileRef, "The ref must be a non-empty path relative to the tile root.");
        }

        var full = Path.GetFullPath(Path.Combine(root, tileRef));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return TileRead.Failed(tileRef, "The ref escapes the tile root.");
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return TileRead.Failed(tileRef, "No such tile under the tile root.");
        }

        if (info.Length > MaxTileBytes)
        {
            return TileRead.Failed(tileRef, $"The file is {info.Length} bytes, over the {MaxTileBytes}-byte tile limit.");
        }

        return new TileRead(tileRef, await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Same scheme, host and port, and under the service's path (Azurite puts the account in the path).</summary>
    internal static bool IsOnAccount(Uri uri, Uri service)
    {
        var servicePath = service.AbsolutePath.TrimEnd('/') + "/";
        return string.Equals(uri.Scheme, service.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, service.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == service.Port
            && uri.AbsolutePath.StartsWith(servicePath, StringComparison.Ordinal)
            && !uri.AbsolutePath.Contains("/../", StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.UserInfo);
    }
}
