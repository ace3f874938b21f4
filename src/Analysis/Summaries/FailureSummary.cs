namespace LandUse.Analysis.Summaries;

/// <summary>How many tiles failed and the first of them (the list is capped so a summary stays small).</summary>
public sealed record FailureSummary(long Total, IReadOnlyList<TileFailure> Items);
