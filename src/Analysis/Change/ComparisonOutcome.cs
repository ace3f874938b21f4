using LandUse.Analysis.Reports;

namespace LandUse.Analysis.Change;

/// <summary>What a comparison found and where it wrote its report, candidates.csv and GeoJSON.</summary>
public sealed record ComparisonOutcome(ChangeResult Result, ComparisonFiles Files)
{
    public ChangeSummary Summary => Result.Summary;
}
