namespace LandUse.Pipeline.Backends.Remote;

// The scoring worker's JSON contract (POST /v1/score, GET /v1/model), as this client sends and reads it.
// The worker owns the contract; tests/Worker.Tests pins that both sides agree.

/// <summary>Request body of <c>POST /v1/score</c>.</summary>
internal sealed record WireScoreRequest(IReadOnlyList<string> Tiles, string? ModelVersion);

/// <summary>Response body of <c>POST /v1/score</c>: one result per requested tile, in request order.</summary>
internal sealed record WireScoreResponse(string? ModelVersion, IReadOnlyList<WireTileResult>? Results);

/// <summary>One tile's result: label name and probabilities, or an error; whether the tile was resized to the model's input.</summary>
internal sealed record WireTileResult(string? Ref, string? Label, IReadOnlyList<float>? Probabilities, string? Error, bool Resized = false);

/// <summary>Response body of <c>GET /v1/model</c>.</summary>
internal sealed record WireModelInfo(string? ModelVersion, string? Provider);
