using System.Collections.Concurrent;
using LandUse.Pipeline.Connections;
using LandUse.Scoring.Inference;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// Opens (and caches) the tile store a <see cref="TileSourceSpec"/> names, so every activity shares one client; every
/// store applies the one <see cref="TileEntryRules"/> with the scorer's size cap.
/// </summary>
public sealed class TileStoreFactory(StorageClients clients, ScoringOptions? scoring = null)
{
    private readonly ConcurrentDictionary<TileSourceSpec, ITileStore> _stores = new();
    private readonly TileEntryRules _rules = new((scoring ?? new ScoringOptions()).MaxFileBytes);

    /// <summary>The entry rules the stores apply (and upload events must, too).</summary>
    public TileEntryRules Rules => _rules;

    public ITileStore Open(TileSourceSpec source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _stores.GetOrAdd(source, Create);
    }

    private ITileStore Create(TileSourceSpec source) => source.Kind switch
    {
        TileSourceKind.Local => new LocalFolderTileStore(
            source.Root ?? throw new ArgumentException("A local tile source needs a folder (Root).", nameof(source)), _rules),
        TileSourceKind.Blob => new BlobTileStore(
            clients.Container(
                source.ConnectionName,
                source.BlobServiceUri,
                string.IsNullOrWhiteSpace(source.Container) ? throw new ArgumentException("A blob tile source needs a container name.", nameof(source)) : source.Container,
                $"Blob tile source '{source.Container}'"),
            source.Prefix,
            _rules),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown tile source kind."),
    };
}
