using LandUse.Analysis.Change;
using LandUse.Analysis.Review;

namespace LandUse.Analysis.Reports;

/// <summary>
/// What a comparison report shows beyond the change itself, made by a caller that can read tiles: the candidates in
/// review order, the review sheet with its thumbnails, and candidates.geojson (its path, or a note on why it was not written).
/// </summary>
public sealed record ComparisonExtras
{
    public IReadOnlyList<RankedCandidate>? Ranked { get; init; }

    public ReviewSheet? Review { get; init; }

    /// <summary>Side of a review thumbnail in pixels, as drawn in the page.</summary>
    public int ImageSide { get; init; } = NeighbourhoodImage.Side();

    public string? GeoJson { get; init; }

    public string? GeoJsonNote { get; init; }
}
