namespace LandUse.Scoring.Labels;

/// <summary>The three-class regrouping used for maps and development summaries.</summary>
public enum LandGroup
{
    Developed = 0,
    Cultivated = 1,
    Undeveloped = 2,
}
