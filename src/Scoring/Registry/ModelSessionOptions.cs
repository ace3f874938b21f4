namespace LandUse.Scoring.Registry;

/// <summary>How a host keeps registry models: the local cache folder they are downloaded into, and how many stay loaded.</summary>
public sealed record ModelSessionOptions
{
    /// <summary>Models kept loaded at once unless a host says otherwise.</summary>
    public const int DefaultMaxLoaded = 2;

    /// <summary>Download cache; null: <see cref="DefaultCacheFolder"/>.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Most models (ONNX Runtime sessions) loaded at once; the least recently used idle one goes first.</summary>
    public int MaxLoaded { get; init; } = DefaultMaxLoaded;

    /// <summary><c>landuse-models</c> under the temporary folder: writable in containers and on Functions instances.</summary>
    public static string DefaultCacheFolder => Path.Combine(Path.GetTempPath(), "landuse-models");

    public string ResolvedCacheFolder => string.IsNullOrWhiteSpace(CacheFolder) ? DefaultCacheFolder : CacheFolder;
}
