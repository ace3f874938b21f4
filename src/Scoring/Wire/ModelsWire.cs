namespace LandUse.Scoring.Wire;

/// <summary>Body of <c>POST /v1/models</c>: load a registry model (<c>&lt;name&gt;/&lt;version&gt;</c> or <c>&lt;name&gt;</c>) now.</summary>
public sealed record LoadModelRequest(string? Model);

/// <summary>
/// One model the worker has loaded: <c>&lt;name&gt;/&lt;version&gt;</c>, its manifest's facts, the provider its session runs
/// on, where it came from (<c>registry</c> or <c>folder</c>), when it was loaded and last used, and how many requests hold it.
/// </summary>
public sealed record LoadedModelInfo(
    string Model,
    string Name,
    string Version,
    string Sha256,
    IReadOnlyList<string> Labels,
    string Precision,
    string Provider,
    string Source,
    DateTimeOffset LoadedAt,
    DateTimeOffset LastUsedAt,
    int InUse);

/// <summary>Answer of <c>GET /v1/models</c>: the loaded models (most recently used first) and how many registry models stay loaded.</summary>
public sealed record ModelList(IReadOnlyList<LoadedModelInfo> Models, int MaxLoaded);
