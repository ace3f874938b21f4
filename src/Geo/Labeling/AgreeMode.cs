namespace LandUse.Geo.Labeling;

/// <summary>How a tile's sampled NLCD points become its label.</summary>
public enum AgreeMode
{
    /// <summary>The study's rule: every point maps to the same class, else the tile is dropped; writes the training layout.</summary>
    All,

    /// <summary>The most frequent class among the points, as truth for accuracy and maps; writes a label column into tiles.csv.</summary>
    Plurality,
}
