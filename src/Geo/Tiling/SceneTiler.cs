using System.Globalization;
using LandUse.Geo.Crs;
using LandUse.Geo.Rasters;
using LandUse.Scoring.Hosting;

namespace LandUse.Geo.Tiling;

/// <summary>
/// <c>landuse tile</c>: cuts GeoTIFF scenes into PNG tiles on one grid over their union, skips mostly no-data tiles and
/// writes <c>tiles.csv</c> and <c>grid.json</c>. Scenes stream a band of tile rows at a time. Tiles are staged in a
/// hidden folder and moved in only when every scene has been read, index last; a failure leaves nothing behind.
/// </summary>
public static class SceneTiler
{
    public static TileReport Run(IReadOnlyList<string> scenePaths, string outputDir, TileOptions options, IProgress<TileProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scenePaths);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (scenePaths.Count == 0)
        {
            throw new GeoDataException("No scenes given: pass one or more GeoTIFF files.");
        }

        var scenes = new List<GeoTiffRaster>();
        try
        {
            foreach (var path in scenePaths)
            {
                scenes.Add(GeoTiffRaster.Open(path));
            }

            foreach (var s in scenes.Where(s => options.Bands.Max() > s.BandCount))
            {
                throw GeoDataException.For(s.Path, string.Create(CultureInfo.InvariantCulture,
                    $"it has {s.BandCount} band(s) but --bands asks for {string.Join(",", options.Bands)}."));
            }

            var grid = SceneGrid.Build(scenes, options);
            return Write(scenes, grid, Path.GetFullPath(outputDir), options, progress, ct);
        }
        finally
        {
            foreach (var s in scenes)
            {
                s.Dispose();
            }
        }
    }

    private static TileReport Write(List<GeoTiffRaster> scenes, SceneGrid grid, string output, TileOptions options, IProgress<TileProgress>? progress, CancellationToken ct)
    {
        var index = Path.Combine(output, TileIndexCsv.FileName);
        if (File.Exists(index))
        {
            throw GeoDataException.For(output, $"already holds a {TileIndexCsv.FileName} from an earlier run; choose another --out or delete it.");
        }

        var created = !Directory.Exists(output);
        Directory.CreateDirectory(output);
        var staging = Path.Combine(output, ".tiling-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(staging);
        var moved = new List<string>();
        try
        {
            var records = Cut(scenes, grid, staging, options, progress, ct, out var skipped);
            foreach (var r in records)
            {
                var target = Path.Combine(output, r.Id + ".png");
                File.Move(Path.Combine(staging, r.Id + ".png"), target, overwrite: true);
                moved.Add(target);
            }

            var info = new GridInfo
            {
                Epsg = scenes[0].Crs.Epsg,
                OriginX = grid.Transform.OriginX,
                OriginY = grid.Transform.OriginY,
                PixelWidth = grid.Transform.PixelWidth,
                PixelHeight = grid.Transform.PixelHeight,
                Size = options.Size,
                Stride = options.Stride,
                Rows = grid.Rows,
                Cols = grid.Cols,
                Bands = options.Bands,
                Scenes = scenes.Select(s => Path.GetFileName(s.Path)).ToArray(),
            };
            var gridFile = Path.Combine(output, GridInfo.FileName);
            File.WriteAllText(gridFile + ".tmp", info.ToJson());
            File.Move(gridFile + ".tmp", gridFile, overwrite: true);
            TileIndexCsv.Write(index, records);
            Directory.Delete(staging, recursive: true);
            return new TileReport(output, records.Count, skipped, grid.Rows, grid.Cols, info.Epsg, scenes.Count);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            moved.ForEach(File.Delete);
            if (created && !Directory.EnumerateFileSystemEntries(output).Any())
            {
                Directory.Delete(output);
            }

            throw;
        }
    }

    private static List<TileRecord> Cut(List<GeoTiffRaster> scenes, SceneGrid grid, string staging, TileOptions options, IProgress<TileProgress>? progress, CancellationToken ct, out int skipped)
    {
        var mosaic = new GridRowMosaic(scenes, grid, options);
        var toWgs84 = CrsTransform.ToWgs84(scenes[0].Crs);
        var records = new List<TileRecord>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MachineCores.Count, CancellationToken = ct };
        skipped = 0;
        for (var row = 0; row < grid.Rows; row++)
        {
            ct.ThrowIfCancellationRequested();
            mosaic.Load(row);
            var kept = WriteRow(mosaic, staging, options, row, grid.Cols, parallel);
            for (var col = 0; col < grid.Cols; col++)
            {
                if (kept[col])
                {
                    records.Add(Record(scenes, grid, options, toWgs84, row, col));
                }
                else
                {
                    skipped++;
                }
            }

            progress?.Report(new TileProgress(row + 1, grid.Rows, records.Count, skipped));
        }

        return records;
    }

    /// <summary>Encodes the row's kept tiles in parallel into the staging folder; a write failure names the output folder.</summary>
    private static bool[] WriteRow(GridRowMosaic mosaic, string staging, TileOptions options, int row, int cols, ParallelOptions parallel)
    {
        var kept = new bool[cols];
        try
        {
            Parallel.For(0, cols, parallel, col =>
            {
                if (mosaic.NoDataFraction(col) > options.MaxNoData)
                {
                    return;
                }

                var rgb = new byte[options.Size * options.Size * 3];
                mosaic.CopyTile(col, rgb);
                File.WriteAllBytes(Path.Combine(staging, TileId.Of(row, col) + ".png"), PngTile.Encode(rgb, options.Size));
                kept[col] = true;
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException))
        {
            throw GeoDataException.For(Path.GetDirectoryName(staging)!, $"tiles cannot be written ({ex.InnerExceptions[0].Message}).", ex);
        }

        return kept;
    }

    private static TileRecord Record(List<GeoTiffRaster> scenes, SceneGrid grid, TileOptions options, CrsTransform toWgs84, int row, int col)
    {
        var (cx, cy) = ((col * options.Stride) + (options.Size / 2.0), (row * options.Stride) + (options.Size / 2.0));
        var (x, y) = grid.Transform.ToWorld(cx, cy);
        var (lon, lat) = toWgs84.Apply(x, y);
        return new TileRecord(TileId.Of(row, col), row, col, lat, lon, x, y, scenes[0].Crs.Epsg, SceneAt(scenes, grid, options, row, col, cx, cy));
    }

    /// <summary>The first scene (in call order) holding the tile's centre, else the first one overlapping the tile.</summary>
    private static string SceneAt(List<GeoTiffRaster> scenes, SceneGrid grid, TileOptions options, int row, int col, double cx, double cy)
    {
        bool Inside(int i, double x0, double y0, double x1, double y1) =>
            x1 > grid.Offsets[i].Column && x0 < grid.Offsets[i].Column + scenes[i].Width && y1 > grid.Offsets[i].Row && y0 < grid.Offsets[i].Row + scenes[i].Height;

        var holder = Enumerable.Range(0, scenes.Count).FirstOrDefault(i => Inside(i, cx, cy, cx + 1e-9, cy + 1e-9), -1);
        if (holder < 0)
        {
            var (x0, y0) = (col * options.Stride, row * options.Stride);
            holder = Enumerable.Range(0, scenes.Count).FirstOrDefault(i => Inside(i, x0, y0, x0 + options.Size, y0 + options.Size), 0);
        }

        return Path.GetFileName(scenes[holder].Path);
    }
}
