using Azure;
using Azure.Storage.Blobs;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Uploads;

/// <summary>What one upload event came to.</summary>
public enum UploadOutcome
{
    /// <summary>Scored (or found unchanged) and its row written in the batch.</summary>
    Batched,

    /// <summary>Not a tile image (e.g. <c>tiles.csv</c>): nothing to score.</summary>
    NotATile,

    /// <summary>The blob was gone by the time the event arrived.</summary>
    Gone,
}

/// <summary>
/// Handles one Event Grid blob-created event: reads the blob's current ETag and size, and hands the tile to the
/// instance's <see cref="UploadBatcher"/>. Undecodable tiles, and names or sizes the listing rules refuse
/// (<see cref="TileEntryRules"/>), become error rows inside the batch, so an event only fails (and is retried) when
/// storage or the model is unreachable, never because of the tile's name or bytes.
/// </summary>
public sealed partial class UploadedTileHandler(UploadBatcher batcher, TileStoreFactory stores, ILogger<UploadedTileHandler> logger)
{
    public async Task<UploadOutcome> HandleAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (!TileRefs.IsImage(blob.Name))
        {
            LogNotATile(logger, blob.BlobContainerName, blob.Name);
            return UploadOutcome.NotATile;
        }

        Azure.Storage.Blobs.Models.BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogGone(logger, blob.BlobContainerName, blob.Name);
            return UploadOutcome.Gone;
        }

        var entry = stores.Rules.Entry(blob.Name, properties.ETag.ToString(), properties.ContentLength);
        await batcher.SubmitAsync(new LiveTile(blob.BlobContainerName, entry), cancellationToken).ConfigureAwait(false);
        return UploadOutcome.Batched;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {Container}/{Name} is not a tile image; ignored")]
    private static partial void LogNotATile(ILogger logger, string container, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload {Container}/{Name} no longer exists; nothing to score")]
    private static partial void LogGone(ILogger logger, string container, string name);
}
