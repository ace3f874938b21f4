using LandUse.Scoring.Registry;
using LandUse.Worker.Options;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Model;

/// <summary>
/// The registry models this worker scores with: named by each request, downloaded on first use into the local cache
/// (sha256 verified, written atomically), warmed, and at most <c>Worker:Models:MaxLoaded</c> sessions kept (least
/// recently used goes) — Scoring's one <see cref="ModelSessions"/>, the same the pipeline's in-process backend uses.
/// </summary>
internal sealed partial class RegistryModels : IDisposable
{
    private readonly ModelRegistry? _registry;
    private readonly ModelSessions _sessions;
    private readonly ILogger _log;

    public RegistryModels(IOptions<WorkerOptions> options, ModelRegistry? registry, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        _registry = registry;
        _log = loggerFactory.CreateLogger<RegistryModels>();
        _sessions = new ModelSessions(
            new ModelSessionOptions { CacheFolder = settings.Models.CacheFolder, MaxLoaded = Math.Max(1, settings.Models.MaxLoaded) },
            bundle =>
            {
                var scorer = WorkerScorers.Open(bundle, settings, loggerFactory);
                try
                {
                    // Asked for CUDA, a registry model that fell back to the CPU is refused with the reason, as the own model is.
                    if (ProviderReadiness.Problem(settings.Provider, scorer) is { } problem)
                    {
                        throw new InvalidOperationException(problem);
                    }

                    WorkerScorers.WarmUp(scorer, CancellationToken.None);
                    LogLoaded(_log, bundle.Manifest.Name, bundle.Version, scorer.ActiveProvider);
                    return scorer;
                }
                catch
                {
                    scorer.Dispose();
                    throw;
                }
            },
            loggerFactory.CreateLogger<ModelCache>());
    }

    /// <summary>Whether a registry is configured (<c>Worker:Models:BlobServiceUri</c> or <c>ConnectionString</c>).</summary>
    public bool Configured => _registry is not null;

    public int MaxLoaded => _sessions.MaxLoaded;

    /// <summary>The session of <paramref name="reference"/> (<c>&lt;name&gt;/&lt;version&gt;</c> or <c>&lt;name&gt;</c>), loading it if needed.</summary>
    /// <exception cref="ModelRegistryException">Invalid reference, no registry, not in it, or corrupt there; the message names the model.</exception>
    public async Task<ModelLease<ModelSession>> AcquireAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ModelReference.TryParse(reference, out var parsed, out var problem))
        {
            throw new ModelRegistryException(RegistryProblem.Invalid, problem);
        }

        var registry = _registry ?? throw new ModelRegistryException(RegistryProblem.Invalid,
            $"This worker has no model registry, so it cannot load model '{reference}': set Worker__Models__BlobServiceUri (or Worker__Models__ConnectionString).");
        return await _sessions.AcquireAsync(registry, parsed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The loaded registry sessions, most recently used first.</summary>
    public IReadOnlyList<LoadedModel<ModelSession>> Snapshot() => _sessions.Snapshot();

    public void Dispose() => _sessions.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry model {Name}/{Version} loaded and warm on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string provider);
}
