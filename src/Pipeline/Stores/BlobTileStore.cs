using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// Tiles in a Blob Storage or ADLS Gen2 container under a prefix. Listing is the service's own paging
/// (<c>GetBlobsAsync().AsPages(token, size)</c>), so its continuation token is the service's marker.
/// Refs are blob names relative to the prefix; only images are listed, each through <see cref="TileEntryRules"/> (a name
/// with '..', a backslash or an empty segment, or a blob over the size cap, is listed as an error row and never read).
/// </summary>
public sealed class BlobTileStore : ITileStore
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly TileEntryRules _rules;

    public BlobTileStore(BlobContainerClient container, string? prefix, TileEntryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _prefix = NormalizePrefix(prefix);
        _rules = rules ?? TileEntryRules.Default;
    }

    public string Description => _container.Uri + "/" + _prefix;

    public async Task<TilePage> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var options = new GetBlobsOptions { Prefix = _prefix.Length == 0 ? null : _prefix };
        var pages = _container.GetBlobsAsync(options, cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var tiles = new List<TileEntry>(page.Values.Count);
            foreach (var blob in page.Values)
            {
                if (!TileRefs.IsImage(blob.Name) || blob.Deleted)
                {
                    continue;
                }

                var tileRef = blob.Name[_prefix.Length..];
                tiles.Add(_rules.Entry(tileRef, blob.Properties.ETag?.ToString() ?? "", blob.Properties.ContentLength ?? 0));
            }

            return new TilePage(tiles, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new TilePage([], null);
    }

    public Task<TileContent> ReadAsync(string tileRef, CancellationToken cancellationToken) => ReadCheckedAsync(tileRef, pooled: false, cancellationToken);

    public Task<TileContent> ReadPooledAsync(string tileRef, CancellationToken cancellationToken) => ReadCheckedAsync(tileRef, pooled: true, cancellationToken);

    /// <summary>
    /// Reads one tile into an array of its own or a pooled buffer. The size is checked from the response headers before
    /// the body is read (a blob may have grown since listing); the version is that of the bytes read (the blob's ETag
    /// now), which may be newer than the listing's.
    /// </summary>
    private async Task<TileContent> ReadCheckedAsync(string tileRef, bool pooled, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(tileRef);
        var blob = _container.GetBlobClient(_prefix + normalized);
        try
        {
            var result = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using var body = result.Value;
            var length = body.Details.ContentLength;
            if (_rules.ProblemOfSize(normalized, length) is { } problem)
            {
                throw new IOException(problem);
            }

            var version = body.Details.ETag.ToString();
            if (pooled)
            {
                var lease = await Scoring.Imaging.PooledBytes.ReadAsync(body.Content, (int)length, cancellationToken).ConfigureAwait(false);
                return new TileContent(normalized, lease.Memory, version) { Lease = lease };
            }

            var bytes = new byte[length];
            await body.Content.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return new TileContent(normalized, bytes, version);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Tile '{normalized}' does not exist in {Description}.", normalized, e);
        }
    }

    public async Task<byte[]?> TryReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(_prefix + TileRefs.Normalize(relativePath));
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Uri? TryGetUri(string tileRef) => _container.GetBlobClient(_prefix + TileRefs.Normalize(tileRef)).Uri;

    /// <summary>"" for the whole container, otherwise the prefix with exactly one trailing slash.</summary>
    internal static string NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return "";
        }

        var trimmed = prefix.Trim('/');
        return trimmed.Length == 0 ? "" : TileRefs.Normalize(trimmed) + "/";
    }
}
