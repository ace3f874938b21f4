using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Truth;

/// <summary>What is known about a tile besides its pixels: its truth label and grid cell / coordinates, each optional.</summary>
public sealed record TileFacts(LandCover? Truth, int? Row, int? Col, double? Lat, double? Lon)
{
    public static TileFacts None { get; } = new(null, null, null, null, null);
}
