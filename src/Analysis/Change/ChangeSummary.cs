using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// The numbers of a comparison (what <c>--json</c> prints and compare.html tabulates): the 3×3 transition matrix
/// (rows = run A's group, columns = run B's group) over tiles labelled in both runs, how the join went, and the candidate count.
/// </summary>
public sealed record ChangeSummary(
    string RunA,
    string RunB,
    LandGroup From,
    LandGroup To,
    bool Smoothed,
    int CentreWeight,
    bool ATruth,
    bool BTruth,
    long Joined,
    long OnlyInA,
    long OnlyInB,
    long Unlabelled,
    ConfusionTable Transitions,
    long CandidateCount,
    ChangeAccuracy? Accuracy)
{
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, SummaryJson.Options);
}
