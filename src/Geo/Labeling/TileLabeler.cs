using LandUse.Geo.Crs;
using LandUse.Geo.Tiling;
using LandUse.Scoring.Labels;

namespace LandUse.Geo.Labeling;

/// <summary>
/// <c>landuse label</c>: samples the NLCD raster at a k x k grid of points inside each tile of a <c>landuse tile</c>
/// folder and either writes the training layout <c>DIR/&lt;Label&gt;/&lt;tile&gt;.png</c> (all points agree) or a
/// <c>label</c> column in <c>tiles.csv</c> (plurality). Outputs appear whole or not at all.
/// </summary>
public static class TileLabeler
{
    public static LabelReport Run(string tilesDir, string nlcdPath, LabelOptions options, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tilesDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(nlcdPath);
        ArgumentNullException.ThrowIfNull(options);
        var side = options.Side();
        var dir = Path.GetFullPath(tilesDir);
        if (!Directory.Exists(dir))
        {
            throw GeoDataException.For(dir, "the tiles folder does not exist.");
        }

        if (options.Agree == AgreeMode.Plurality && options.Output is not null)
        {
            throw new GeoDataException("--out applies to --agree all only; --agree plurality writes the label column into <tiles-dir>/tiles.csv.");
        }

        var grid = GridInfo.Read(dir);
        var gridFile = Path.Combine(dir, GridInfo.FileName);
        var crs = SupportedCrs.Get(grid.Epsg, gridFile);
        var indexPath = Path.Combine(dir, TileIndexCsv.FileName);
        var table = TileIndexCsv.ReadTable(indexPath);
        var records = TileIndexCsv.Records(indexPath, table);
        using var nlcd = new NlcdSampler(nlcdPath, crs);
        var offsets = PointOffsets(grid, side);
        var votes = new List<(TileRecord Tile, LandCover? Label, DropReason? Dropped)>(records.Count);
        foreach (var tile in records)
        {
            ct.ThrowIfCancellationRequested();
            var codes = offsets.Select(o => nlcd.Sample(tile.X + o.Dx, tile.Y + o.Dy)).ToArray();
            var (label, dropped) = options.Agree == AgreeMode.All ? PointVote.All(codes) : PointVote.Plurality(codes);
            votes.Add((tile, label, dropped));
        }

        var output = options.Agree == AgreeMode.All
            ? WriteLayout(dir, Path.GetFullPath(options.Output ?? Path.Combine(dir, "labeled")), votes, ct)
            : WriteColumn(indexPath, table, votes);
        return new LabelReport(
            options.Agree,
            records.Count,
            LabelScheme.Classes.ToDictionary(c => c, c => votes.Count(v => v.Label == c)),
            Enum.GetValues<DropReason>().ToDictionary(r => r, r => votes.Count(v => v.Dropped == r)),
            output,
            nlcd.Epsg);
    }

    /// <summary>Offsets from a tile's centre (CRS units, y north) of the centres of a side x side grid of equal cells.</summary>
    internal static IReadOnlyList<(double Dx, double Dy)> PointOffsets(GridInfo grid, int side)
    {
        var (width, height) = grid.TileExtent;
        var points = new List<(double, double)>(side * side);
        for (var j = 0; j < side; j++)
        {
            for (var i = 0; i < side; i++)
            {
                points.Add(((((i + 0.5) / side) - 0.5) * width, -((((j + 0.5) / side) - 0.5) * height)));
            }
        }

        return points;
    }

    /// <summary>Copies kept tiles into a staging folder beside the layout, then moves it into place in one step.</summary>
    private static string WriteLayout(string tilesDir, string output, List<(TileRecord Tile, LandCover? Label, DropReason? Dropped)> votes, CancellationToken ct)
    {
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw GeoDataException.For(output, "already exists and is not empty; choose another --out or delete it.");
        }

        var parent = Path.GetDirectoryName(output) ?? tilesDir;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(output) + ".partial-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            for (var i = 0; i < votes.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var (tile, label, _) = votes[i];
                if (label is not { } cover)
                {
                    continue;
                }

                var source = Path.Combine(tilesDir, tile.Id + ".png");
                if (!File.Exists(source))
                {
                    votes[i] = (tile, null, DropReason.MissingImage);
                    continue;
                }

                var folder = Path.Combine(staging, cover.ToString());
                Directory.CreateDirectory(folder);
                File.Copy(source, Path.Combine(folder, tile.Id + ".png"));
            }

            Directory.CreateDirectory(staging);
            if (Directory.Exists(output))
            {
                Directory.Delete(output);
            }

            Directory.Move(staging, output);
            return output;
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Adds (or replaces) the label column of tiles.csv, atomically; blank where there is no class.</summary>
    private static string WriteColumn(string indexPath, TileTable table, List<(TileRecord Tile, LandCover? Label, DropReason? Dropped)> votes)
    {
        var column = table.Columns.FindIndex(c => string.Equals(c, TileIndexCsv.LabelColumn, StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            table.Columns.Add(TileIndexCsv.LabelColumn);
            column = table.Columns.Count - 1;
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            if (cells.Length <= column)
            {
                Array.Resize(ref cells, column + 1);
                table.Rows[i] = cells;
            }

            cells[column] = votes[i].Label?.ToString() ?? "";
        }

        TileIndexCsv.WriteTable(indexPath, table);
        return indexPath;
    }
}
