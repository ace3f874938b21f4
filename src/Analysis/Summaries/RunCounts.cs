namespace LandUse.Analysis.Summaries;

/// <summary>How many tiles a run listed, scored, failed, skipped (already done) and resized to the model's input.</summary>
public sealed record RunCounts(long Listed, long Scored, long Failed, long Skipped, long Resized);
