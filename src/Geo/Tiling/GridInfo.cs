using System.Text.Json;
using System.Text.Json.Serialization;

namespace LandUse.Geo.Tiling;

/// <summary>
/// <c>grid.json</c> beside <c>tiles.csv</c>: the one grid every tile of a <c>landuse tile</c> call sits on (CRS, top-left
/// corner, pixel size, tile size and stride), which <c>landuse label</c> needs to place points inside each tile.
/// </summary>
public sealed record GridInfo
{
    public const string FileName = "grid.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required int Epsg { get; init; }

    /// <summary>CRS coordinates of the grid's top-left corner (the union of the scenes).</summary>
    public required double OriginX { get; init; }

    public required double OriginY { get; init; }

    public required double PixelWidth { get; init; }

    public required double PixelHeight { get; init; }

    /// <summary>Tile side and step in pixels.</summary>
    public required int Size { get; init; }

    public required int Stride { get; init; }

    public required int Rows { get; init; }

    public required int Cols { get; init; }

    public required IReadOnlyList<int> Bands { get; init; }

    public required IReadOnlyList<string> Scenes { get; init; }

    /// <summary>Tile width and height in CRS units.</summary>
    [JsonIgnore]
    public (double Width, double Height) TileExtent => (Size * PixelWidth, Size * PixelHeight);

    public static GridInfo Read(string tilesDir)
    {
        var path = Path.Combine(tilesDir, FileName);
        if (!File.Exists(path))
        {
            throw GeoDataException.For(path, "missing; label works on a folder written by `landuse tile`, which writes tiles.csv and grid.json.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses grid.json text (from a folder or a blob); <paramref name="name"/> names it in errors.</summary>
    public static GridInfo Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var grid = JsonSerializer.Deserialize<GridInfo>(json, Json) ?? throw GeoDataException.For(name, "is empty (null).");
            return grid.Size > 0 && grid.Stride > 0 && grid.PixelWidth > 0 && grid.PixelHeight > 0
                ? grid
                : throw GeoDataException.For(name, "has a tile size, stride or pixel size that is not positive.");
        }
        catch (JsonException ex)
        {
            throw GeoDataException.For(name, $"is not a valid grid description ({ex.Message}).", ex);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
