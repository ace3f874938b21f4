namespace LandUse.Scoring.Wire;

/// <summary>
/// Body of the scoring worker's <c>POST /v1/score</c>: tile refs (blob URLs or paths under the worker's tile root) and,
/// optionally, the model version the caller expects. Declared once here for both the worker and the pipeline's client.
/// </summary>
public sealed record ScoreRequest(IReadOnlyList<string?>? Tiles, string? ModelVersion);
