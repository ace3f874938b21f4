namespace LandUse.Geo.Tiling;

/// <summary>How scenes are cut: tile side and step in pixels, the three 1-based bands that become R, G, B, and the most no-data a kept tile may have.</summary>
public sealed record TileOptions
{
    public const int MaxSize = 4096;

    public int Size { get; init; } = 224;

    public int Stride { get; init; } = 224;

    /// <summary>1-based band numbers for red, green and blue (NAIP: 1,2,3; colour-infrared: 4,1,2).</summary>
    public IReadOnlyList<int> Bands { get; init; } = [1, 2, 3];

    /// <summary>Tiles whose share of no-data pixels is above this are skipped.</summary>
    public double MaxNoData { get; init; } = 0.5;

    /// <summary>Checks the values that do not depend on the scenes; a bad one is a one-line error naming the option.</summary>
    public void Validate()
    {
        if (Size is < 1 or > MaxSize)
        {
            throw new GeoDataException($"--size must be between 1 and {MaxSize} pixels, got {Size}.");
        }

        if (Stride < 1)
        {
            throw new GeoDataException($"--stride must be at least 1 pixel, got {Stride}.");
        }

        if (Bands.Count != 3 || Bands.Any(b => b < 1))
        {
            throw new GeoDataException($"--bands must name three 1-based bands for red, green and blue (e.g. 1,2,3), got {string.Join(",", Bands)}.");
        }

        if (MaxNoData is < 0 or > 1 || double.IsNaN(MaxNoData))
        {
            throw new GeoDataException($"--max-nodata must be a fraction between 0 and 1, got {MaxNoData.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
