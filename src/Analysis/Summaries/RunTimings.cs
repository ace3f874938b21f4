namespace LandUse.Analysis.Summaries;

/// <summary>When a run started and finished and its throughput, the figure compared with the study's tiles per second.</summary>
public sealed record RunTimings(DateTimeOffset? Started, DateTimeOffset? Finished, double? Seconds, double? TilesPerSecond);
