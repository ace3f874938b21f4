namespace LandUse.Scoring.Labels;

/// <summary>The six land-cover classes, numbered as the reference study and every model output are.</summary>
public enum LandCover
{
    Barren = 0,
    Forest = 1,
    Shrub = 2,
    Cultivated = 3,
    Herbaceous = 4,
    Developed = 5,
}
