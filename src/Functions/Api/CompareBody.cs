using LandUse.Scoring.Labels;

namespace LandUse.Functions.Api;

/// <summary>
/// The body of <c>POST /api/compare</c>: run A (earlier) and run B (later), both completed runs of this app, and what
/// counts as change (default Undeveloped → Developed, no smoothing, predictions on both sides).
/// </summary>
public sealed record CompareBody
{
    public string? RunA { get; init; }

    public string? RunB { get; init; }

    public LandGroup? From { get; init; }

    public LandGroup? To { get; init; }

    /// <summary>Smooth both runs' labels with the 3x3 centre-weighted plurality vote first.</summary>
    public bool? Smooth { get; init; }

    /// <summary>Use run A's truth labels (e.g. NLCD) instead of its predictions.</summary>
    public bool? ATruth { get; init; }

    /// <summary>Use run B's truth labels instead of its predictions.</summary>
    public bool? BTruth { get; init; }
}
