using System.Collections.Concurrent;
using LandUse.Pipeline.Models;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// In-process scoring over one <see cref="ModelSessions"/> for the life of the host: bundle folders load as they are,
/// registry models are downloaded on first use into the local cache (sha256 verified, written atomically), and at most
/// <see cref="ModelSessionOptions.MaxLoaded"/> sessions stay loaded (least recently used goes). ONNX Runtime's threads and
/// the decode lanes are sized by <see cref="CoreBudget"/> from <see cref="MachineCores.Count"/> (affinity and cgroup
/// quota), not from the raised processor count.
/// </summary>
public sealed class InProcessScoringBackendProvider : IScoringBackendProvider, IDisposable
{
    private readonly ConcurrentDictionary<ModelSource, InProcessScoringBackend> _backends = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ModelRegistries? _registries;

    public InProcessScoringBackendProvider(ILoggerFactory loggerFactory, ScoringOptions? options = null, ModelRegistries? registries = null, ModelSessionOptions? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        _registries = registries;
        // IntraOpThreads stays as given (0: CoreBudget splits MachineCores.Count into lanes x threads).
        Options = options ?? new ScoringOptions();
        var scorerLog = loggerFactory.CreateLogger<OnnxTileScorer>();
        Sessions = new ModelSessions(sessions ?? new ModelSessionOptions(), bundle => new OnnxTileScorer(bundle, Options, scorerLog), loggerFactory.CreateLogger<ModelCache>());
    }

    public ScoringOptions Options { get; }

    /// <summary>The loaded models (and the download cache) this provider scores with.</summary>
    public ModelSessions Sessions { get; }

    /// <summary>The provider composed from a host's services: its scoring options, registries and session settings.</summary>
    public static InProcessScoringBackendProvider Create(IServiceProvider services) => new(
        services.GetRequiredService<ILoggerFactory>(),
        services.GetService<ScoringOptions>(),
        services.GetService<ModelRegistries>(),
        services.GetService<ModelSessionOptions>());

    public IScoringBackend Get(ModelSource model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.Reference);
        var key = model.IsFolder ? model with { Reference = Path.GetFullPath(model.Reference) } : model;
        return _backends.GetOrAdd(key, m => new InProcessScoringBackend(ct => AcquireAsync(m, ct), _loggerFactory));
    }

    public void Dispose() => Sessions.Dispose();

    private Task<ModelLease<ModelSession>> AcquireAsync(ModelSource model, CancellationToken cancellationToken)
    {
        if (model.IsFolder)
        {
            return Sessions.AcquireFolderAsync(model.Reference, cancellationToken);
        }

        var registries = _registries ?? throw new InvalidOperationException($"Model {model} is in a registry, but this host has no registry access (ModelRegistries is not registered).");
        return Sessions.AcquireAsync(registries.Open(model.Registry!), ModelReference.Parse(model.Reference), cancellationToken);
    }
}
