namespace LandUse.Scoring.Wire;

/// <summary>
/// Body of the scoring worker's <c>POST /v1/score</c>: tile refs (blob URLs or paths under the worker's tile root), the
/// registry model to score with (<c>&lt;name&gt;/&lt;version&gt;</c>, or <c>&lt;name&gt;</c> for its newest; absent: the worker's
/// own <c>Worker__ModelPath</c> bundle) and, optionally, the model version the caller expects. Declared once here for
/// both the worker and the pipeline's client.
/// </summary>
public sealed record ScoreRequest(IReadOnlyList<string?>? Tiles, string? ModelVersion, string? Model = null);
