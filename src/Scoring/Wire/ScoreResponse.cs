namespace LandUse.Scoring.Wire;

/// <summary>
/// Answer of <c>POST /v1/score</c>: the model version that scored (the manifest's), one result per requested tile in
/// request order, and the model as <c>&lt;name&gt;/&lt;version&gt;</c> (what predictions record).
/// </summary>
public sealed record ScoreResponse(string ModelVersion, IReadOnlyList<TileScore> Results, string? Model = null);

/// <summary>
/// One tile's outcome on the wire: a label name with probabilities in label-scheme order, or an error naming why not;
/// <c>Resized</c> is true when the tile was not the model's input size and was resized to it.
/// </summary>
public sealed record TileScore(string Ref, string? Label, IReadOnlyList<float>? Probabilities, string? Error, bool Resized = false);

/// <summary>Answer of <c>GET /v1/model</c>: what the worker scores with when a request names no model.</summary>
public sealed record ModelInfo(string ModelVersion, string Provider, int MaxBatch, int MaxTilesPerRequest, string? Model = null);
