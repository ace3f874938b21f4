using System.Text;
using LandUse.Geo.Footprints;
using LandUse.Geo.Tiling;
using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.GeoJson;

/// <summary>
/// Footprints of a run's tiles, read from its tile store: the true corners from the <c>grid.json</c> beside a folder's
/// tiles (written by <c>landuse tile</c>; read once per folder), else a square around the tile's lat/lon, else none.
/// Not thread-safe: one writer walks its rows in order.
/// </summary>
public sealed class StoreFootprints(ITileStore? store)
{
    private readonly Dictionary<string, TileFootprints> _folders = new(StringComparer.Ordinal);

    /// <summary>Footprints without a store (its tiles cannot be reached): centre squares only.</summary>
    public static StoreFootprints CentresOnly => new(null);

    /// <exception cref="LandUse.Geo.GeoDataException">A folder's grid.json is unreadable or names an unsupported CRS.</exception>
    public async ValueTask<Footprint?> ForAsync(string path, int? row, int? col, double? lat, double? lon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if ((row is null || col is null) && (lat is null || lon is null))
        {
            return null;
        }

        var folder = TileRefs.FolderOf(path);
        if (!_folders.TryGetValue(folder, out var footprints))
        {
            footprints = await LoadAsync(folder, cancellationToken).ConfigureAwait(false);
            _folders[folder] = footprints;
        }

        return footprints.For(row, col, lat, lon);
    }

    private async Task<TileFootprints> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return TileFootprints.CentresOnly;
        }

        var name = folder.Length == 0 ? GridInfo.FileName : folder + "/" + GridInfo.FileName;
        var bytes = await store.TryReadFileAsync(name, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TileFootprints.CentresOnly;
        }

        var where = $"{store.Description}/{name}";
        return new TileFootprints(GridInfo.Parse(Encoding.UTF8.GetString(bytes), where), where);
    }
}
