namespace LandUse.Scoring.Wire;

/// <summary>Answer of <c>POST /v1/score</c>: the model version that scored, and one result per requested tile, in request order.</summary>
public sealed record ScoreResponse(string ModelVersion, IReadOnlyList<TileScore> Results);

/// <summary>
/// One tile's outcome on the wire: a label name with probabilities in label-scheme order, or an error naming why not;
/// <c>Resized</c> is true when the tile was not the model's input size and was resized to it.
/// </summary>
public sealed record TileScore(string Ref, string? Label, IReadOnlyList<float>? Probabilities, string? Error, bool Resized = false);

/// <summary>Answer of <c>GET /v1/model</c>: what the worker scores with.</summary>
public sealed record ModelInfo(string ModelVersion, string Provider, int MaxBatch, int MaxTilesPerRequest);
