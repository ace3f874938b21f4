using LandUse.Analysis.Grids;
using LandUse.Analysis.Metrics;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>A comparison's numbers plus what its maps need: the candidates and both runs' group grids (smoothed if asked).</summary>
public sealed record ChangeResult(
    ChangeSummary Summary,
    IReadOnlyList<ChangeCandidate> Candidates,
    ConfusionMatrix Transitions,
    TileLayout Layout,
    LabelGrid<LandGroup> GridA,
    LabelGrid<LandGroup> GridB);
