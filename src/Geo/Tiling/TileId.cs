using System.Globalization;

namespace LandUse.Geo.Tiling;

/// <summary>Tile ids as the pipeline reads grid positions from them: <c>r&lt;row&gt;_c&lt;col&gt;</c>, zero-padded to 4 digits.</summary>
public static class TileId
{
    public static string Of(int row, int col) => string.Create(CultureInfo.InvariantCulture, $"r{row:D4}_c{col:D4}");
}
