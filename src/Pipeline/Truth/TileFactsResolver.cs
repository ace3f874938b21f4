using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Truth;

/// <summary>
/// Finds a tile's truth and grid cell: the parent folder name when it is a class, a <c>tiles.csv</c> in the tile's
/// folder (read once per folder and cached), and <c>r&lt;row&gt;_c&lt;col&gt;</c> file names for the cell.
/// </summary>
public sealed partial class TileFactsResolver
{
    private readonly ConcurrentDictionary<(string Store, string Folder), Lazy<Task<TilesCsv?>>> _indexes = new();

    public async Task<TileFacts> ResolveAsync(ITileStore store, string tileRef, TruthSource truthSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = TileRefs.IdOf(tileRef);
        var index = await IndexAsync(store, TileRefs.FolderOf(tileRef), cancellationToken).ConfigureAwait(false);
        var fromIndex = index?.Find(id);

        LandCover? truth = null;
        if (truthSource is TruthSource.Auto or TruthSource.Folder && LabelScheme.TryParseClass(TileRefs.ParentNameOf(tileRef), out var folderClass))
        {
            truth = folderClass;
        }
        else if (truthSource is TruthSource.Auto or TruthSource.Index)
        {
            truth = fromIndex?.Truth;
        }

        var (row, col) = fromIndex is { Row: not null, Col: not null } ? (fromIndex.Row, fromIndex.Col) : CellFromName(id);
        return new TileFacts(truth, row, col, fromIndex?.Lat, fromIndex?.Lon);
    }

    /// <summary>Grid cell from an <c>r&lt;row&gt;_c&lt;col&gt;</c> tile id (e.g. r0123_c0456), else none.</summary>
    public static (int? Row, int? Col) CellFromName(string tileId)
    {
        var match = CellPattern().Match(tileId);
        return match.Success
            ? (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture))
            : (null, null);
    }

    private async Task<TilesCsv?> IndexAsync(ITileStore store, string folder, CancellationToken cancellationToken)
    {
        var key = (store.Description, folder);
        var lazy = _indexes.GetOrAdd(key, k => new Lazy<Task<TilesCsv?>>(() => LoadAsync(store, k.Folder, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // Never cache a failed or cancelled read: the next batch (or the activity's retry) reads it again.
            _indexes.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private static async Task<TilesCsv?> LoadAsync(ITileStore store, string folder, CancellationToken cancellationToken)
    {
        var path = folder.Length == 0 ? Scoring.Csv.TileIndexColumns.FileName : folder + "/" + Scoring.Csv.TileIndexColumns.FileName;
        var bytes = await store.TryReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : TilesCsv.Parse(bytes, $"{store.Description}/{path}");
    }

    [GeneratedRegex(@"^r(\d{1,9})_c(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex CellPattern();
}
