using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// A tile whose group went from <see cref="From"/> to <see cref="To"/> between the runs: a place to look at.
/// <see cref="Path"/> is run B's tile; <see cref="TruthChanged"/> says whether both runs' truth agrees (null when unknown).
/// </summary>
public sealed record ChangeCandidate(
    string Path,
    string Id,
    int? Row,
    int? Col,
    LandGroup From,
    LandGroup To,
    double? Lat,
    double? Lon,
    string APath,
    LandCover? ALabel,
    LandCover? BLabel,
    bool? TruthChanged);
