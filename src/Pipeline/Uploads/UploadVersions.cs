using Azure;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Uploads;

/// <summary>
/// After a batch of uploads is written: which of its blobs no longer have the ETag they were scored under. A blob
/// overwritten between its event and its row's write (events for one blob arriving out of order, or two hosts scoring
/// it at once) may have left the older bytes' prediction, or an older ETag, in its row; a writer that re-checks after
/// its own write always sees the newer ETag, so scoring what this returns again leaves the newest content's row.
/// </summary>
public sealed class UploadVersions(StorageClients clients, TileStoreFactory stores)
{
    /// <summary>The entries whose blob now has another ETag, as entries of the current blob; gone blobs are left out.</summary>
    public async Task<IReadOnlyList<TileEntry>> MovedAsync(RunRequest run, IReadOnlyList<TileEntry> scored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scored);
        var source = run.Source;
        if (source.Kind != TileSourceKind.Blob || source.Container is null)
        {
            return [];
        }

        var container = clients.Container(source.ConnectionName, source.BlobServiceUri, source.Container, "The uploads container");
        var prefix = source.Prefix.Length == 0 || source.Prefix.EndsWith('/') ? source.Prefix : source.Prefix + "/";
        var moved = new List<TileEntry>();
        foreach (var entry in scored.Where(e => TileEntryRules.ProblemOfName(e.Ref) is null))
        {
            try
            {
                var properties = (await container.GetBlobClient(prefix + entry.Ref).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
                var current = properties.ETag.ToString();
                if (!string.Equals(current, entry.Version, StringComparison.Ordinal))
                {
                    moved.Add(stores.Rules.Entry(entry.Ref, current, properties.ContentLength));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted since: its row stays as the last version scored.
            }
        }

        return moved;
    }
}
