namespace LandUse.Analysis.Summaries;

/// <summary>A tile that could not be scored and why; failures never fail a run, they are listed in its summary.</summary>
public sealed record TileFailure(string Ref, string Reason);
