namespace LandUse.Worker.Api;

/// <summary>Body of <c>POST /v1/score</c>: tile refs (blob URLs or paths under the tile root) and, optionally, the model version the caller expects.</summary>
public sealed record ScoreRequest(IReadOnlyList<string?>? Tiles, string? ModelVersion);
