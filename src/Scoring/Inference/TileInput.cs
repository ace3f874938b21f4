namespace LandUse.Scoring.Inference;

/// <summary>One tile to score: its store-relative reference and its encoded bytes (PNG or JPEG).</summary>
public sealed record TileInput(string Ref, ReadOnlyMemory<byte> Content);
