using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Artifacts as blobs under a prefix (<c>runs/&lt;runId&gt;/</c>) of a results container, created on first write; each
/// file streams up in blocks as it is written, so several can be open at once and none is held in memory whole.
/// </summary>
public sealed class BlobArtifactSink(BlobContainerClient container, string prefix) : IArtifactSink
{
    private readonly string _prefix = prefix.TrimEnd('/') + "/";
    private bool _created;

    public string Location => container.Uri + "/" + _prefix;

    public async Task WriteAsync(string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        // Streamed up in blocks as it is written (a run's predictions.csv can be gigabytes), committed when the stream closes.
        var blob = container.GetBlobClient(_prefix + name);
        var stream = await blob.OpenWriteAsync(overwrite: true, new BlobOpenWriteOptions { BufferSize = 4 * 1024 * 1024 }, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await write(stream).ConfigureAwait(false);
        }
    }

    public string LocationOf(string name) => container.GetBlobClient(_prefix + name).Uri.ToString();

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
