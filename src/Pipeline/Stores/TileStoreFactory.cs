using System.Collections.Concurrent;
using Azure.Identity;
using Azure.Storage.Blobs;
using LandUse.Pipeline.Connections;

namespace LandUse.Pipeline.Stores;

/// <summary>Opens (and caches) the tile store a <see cref="TileSourceSpec"/> names, so every activity shares one client.</summary>
public sealed class TileStoreFactory(StorageConnections connections)
{
    private readonly ConcurrentDictionary<TileSourceSpec, ITileStore> _stores = new();

    public ITileStore Open(TileSourceSpec source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _stores.GetOrAdd(source, Create);
    }

    private ITileStore Create(TileSourceSpec source) => source.Kind switch
    {
        TileSourceKind.Local => new LocalFolderTileStore(
            source.Root ?? throw new ArgumentException("A local tile source needs a folder (Root).", nameof(source))),
        TileSourceKind.Blob => new BlobTileStore(Container(source), source.Prefix),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown tile source kind."),
    };

    private BlobContainerClient Container(TileSourceSpec source)
    {
        if (string.IsNullOrWhiteSpace(source.Container))
        {
            throw new ArgumentException("A blob tile source needs a container name.", nameof(source));
        }

        if (!string.IsNullOrWhiteSpace(source.ConnectionName))
        {
            return new BlobContainerClient(connections.Get(source.ConnectionName), source.Container);
        }

        if (source.BlobServiceUri is { } uri)
        {
            return new BlobServiceClient(uri, new DefaultAzureCredential()).GetBlobContainerClient(source.Container);
        }

        throw new ArgumentException(
            $"Blob tile source '{source.Container}' needs a connection name or a blob service URI.", nameof(source));
    }
}
