using Azure.Storage.Blobs;
using LandUse.Pipeline.Uploads;
using Microsoft.Azure.Functions.Worker;

namespace LandUse.Functions.Triggers;

/// <summary>The Event Grid blob trigger (the only blob trigger Flex Consumption runs) on the tiles container.</summary>
public sealed class UploadFunctions(UploadedTileHandler handler)
{
    /// <summary>Container the trigger watches; its uploads score into the live run <c>live-tiles</c>.</summary>
    public const string Container = "tiles";

    /// <summary>App setting prefix of the trigger's identity-based connection (<c>TilesStorage__blobServiceUri</c>, ...).</summary>
    public const string Connection = "TilesStorage";

    [Function("ScoreUploadedTile")]
    public Task ScoreUploadedTile(
        [BlobTrigger(Container + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = Connection)] BlobClient blob,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(blob, cancellationToken);
}
