using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// A tile whose group went from <see cref="From"/> to <see cref="To"/> between the runs: a place to look at.
/// <see cref="Path"/> is run B's tile; <see cref="TruthChanged"/> says whether both runs' truth agrees (null when unknown).
/// The probabilities are the model's for each side's tile (1 for a side compared by its truth labels, null when unknown).
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
    bool? TruthChanged)
{
    /// <summary>Probability of <see cref="ALabel"/> in run A's prediction.</summary>
    public double? ALabelProbability { get; init; }

    public double? BLabelProbability { get; init; }

    /// <summary>Probability run A's prediction gives the <see cref="From"/> group (the sum over its classes).</summary>
    public double? FromProbability { get; init; }

    /// <summary>Probability run B's prediction gives the <see cref="To"/> group.</summary>
    public double? ToProbability { get; init; }

    /// <summary>How sure the model is of the change: P(A in From) × P(B in To); null when either is unknown.</summary>
    public double? Confidence => FromProbability * ToProbability;
}
