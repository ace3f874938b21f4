using LandUse.Analysis.Change;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// Input of the CompareRuns orchestration: two completed runs in one prediction store and ledger, the change options,
/// and where the comparison's files go (<c>compare/&lt;id&gt;/</c> of the results target).
/// </summary>
public sealed record CompareRunsRequest(string ComparisonId, string RunA, string RunB, ChangeOptions Options, PredictionTarget Store, ArtifactTarget Results);

/// <summary>Output of a comparison: its numbers and where its report and candidate files were written.</summary>
public sealed record CompareRunsResult(string ComparisonId, ChangeSummary Summary, IReadOnlyList<string> Files);
