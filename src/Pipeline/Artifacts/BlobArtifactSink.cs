using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Artifacts as blobs under a prefix (<c>runs/&lt;runId&gt;/</c>) of a results container, created on first write; names
/// pass <see cref="ArtifactNames"/>, so none leaves the prefix. Each file streams up in staged blocks and is committed
/// whole at the end (<see cref="StagedBlockStream"/>): bounded memory for any size, and a failed write leaves the
/// previous blob as it was.
/// </summary>
public sealed class BlobArtifactSink(BlobContainerClient container, string prefix) : IArtifactSink
{
    private readonly string _prefix = prefix.TrimEnd('/') + "/";
    private bool _created;

    public string Location => container.Uri + "/" + _prefix;

    public async Task WriteAsync(string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArtifactNames.Checked(name);
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        var blocks = new StagedBlockStream(container.GetBlockBlobClient(_prefix + name), cancellationToken);
        await using (blocks.ConfigureAwait(false))
        {
            await write(blocks).ConfigureAwait(false);
            await blocks.CommitAsync().ConfigureAwait(false);
        }
    }

    public string LocationOf(string name) => container.GetBlobClient(_prefix + ArtifactNames.Checked(name)).Uri.ToString();

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = _prefix }, cancellationToken).ConfigureAwait(false))
            {
                names.Add(blob.Name[_prefix.Length..]);
            }
        }
        catch (Connections.StorageAccessException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            return [];
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    public async Task<int> DeleteAllAsync(CancellationToken cancellationToken)
    {
        var names = await ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in names)
        {
            await container.GetBlobClient(_prefix + name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return names.Count;
    }
}
