using System.Globalization;
using LandUse.Geo.Rasters;

namespace LandUse.Geo.Tiling;

/// <summary>
/// One tile grid over the union of a call's scenes: they must share a CRS and pixel size; each scene is placed on the
/// first scene's pixel grid (its offset rounded to whole pixels, at most half a pixel), and tiles are counted from the
/// union's top-left corner so neighbouring scenes' tiles line up.
/// </summary>
internal sealed class SceneGrid
{
    private SceneGrid(GeoTransform transform, int width, int height, IReadOnlyList<(int Column, int Row)> offsets, int rows, int cols)
    {
        Transform = transform;
        Width = width;
        Height = height;
        Offsets = offsets;
        Rows = rows;
        Cols = cols;
    }

    /// <summary>The union's top-left corner and the shared pixel size.</summary>
    public GeoTransform Transform { get; }

    /// <summary>Union size in pixels.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Each scene's top-left pixel in the union, in scene order.</summary>
    public IReadOnlyList<(int Column, int Row)> Offsets { get; }

    public int Rows { get; }

    public int Cols { get; }

    public static SceneGrid Build(IReadOnlyList<GeoTiffRaster> scenes, TileOptions options)
    {
        var first = scenes[0];
        var t0 = first.Transform;
        foreach (var s in scenes.Skip(1))
        {
            if (s.Crs.Epsg != first.Crs.Epsg)
            {
                throw GeoDataException.For(s.Path, string.Create(CultureInfo.InvariantCulture,
                    $"its CRS is EPSG:{s.Crs.Epsg} but {first.Path} is EPSG:{first.Crs.Epsg}; the scenes of one call must share a CRS (tile each zone separately)."));
            }

            if (!Close(s.Transform.PixelWidth, t0.PixelWidth) || !Close(s.Transform.PixelHeight, t0.PixelHeight))
            {
                throw GeoDataException.For(s.Path, string.Create(CultureInfo.InvariantCulture,
                    $"its pixels are {s.Transform.PixelWidth} x {s.Transform.PixelHeight} but {first.Path}'s are {t0.PixelWidth} x {t0.PixelHeight}; the scenes of one call must share a pixel size."));
            }
        }

        var shifts = scenes.Select(s => (
            Column: (int)Math.Round((s.Transform.OriginX - t0.OriginX) / t0.PixelWidth),
            Row: (int)Math.Round((t0.OriginY - s.Transform.OriginY) / t0.PixelHeight))).ToArray();
        var left = shifts.Min(s => s.Column);
        var top = shifts.Min(s => s.Row);
        var offsets = shifts.Select(s => (s.Column - left, s.Row - top)).ToArray();
        var width = scenes.Select((s, i) => offsets[i].Item1 + s.Width).Max();
        var height = scenes.Select((s, i) => offsets[i].Item2 + s.Height).Max();
        var transform = t0 with { OriginX = t0.OriginX + (left * t0.PixelWidth), OriginY = t0.OriginY - (top * t0.PixelHeight) };
        return new SceneGrid(transform, width, height, offsets, Count(height, options), Count(width, options));
    }

    /// <summary>Tiles along a side: starts 0, stride, 2 x stride... up to the first tile that reaches the last pixel (padded with no-data past it), never starting outside.</summary>
    private static int Count(int pixels, TileOptions options)
    {
        var reach = pixels <= options.Size ? 1 : ((pixels - options.Size + options.Stride - 1) / options.Stride) + 1;
        var inside = (pixels + options.Stride - 1) / options.Stride;
        return Math.Min(reach, inside);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
}
