namespace LandUse.Scoring.Inference;

/// <summary>One tile's raw model output row, or the decode failure that kept it out of the batch.</summary>
internal readonly record struct RowResult(string Ref, float[]? Output, string? Error, bool Resized);
