namespace LandUse.Geo.Labeling;

/// <summary>Why a tile got no label.</summary>
public enum DropReason
{
    /// <summary>A point (all points, for plurality) fell outside the NLCD raster or on its no-data value.</summary>
    OutsideNlcd,

    /// <summary>The points agree on a code that is no class: water, ice, wetlands or anything else unmapped.</summary>
    NotAClass,

    /// <summary>The points map to different classes (or a class and no class).</summary>
    Disagree,

    /// <summary>Plurality only: two or more values share the highest count.</summary>
    Tie,

    /// <summary>The tile's PNG named in tiles.csv is not in the tiles folder.</summary>
    MissingImage,
}
