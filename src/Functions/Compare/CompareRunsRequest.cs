using LandUse.Analysis.Change;

namespace LandUse.Functions.Compare;

/// <summary>Input of the CompareRuns orchestration: two completed runs in this app's tables and the change options.</summary>
public sealed record CompareRunsRequest(string ComparisonId, string RunA, string RunB, ChangeOptions Options);

/// <summary>Output of a comparison: its numbers and the blobs its report and candidate files were written to.</summary>
public sealed record CompareRunsResult(string ComparisonId, ChangeSummary Summary, IReadOnlyList<Uri> Files);
