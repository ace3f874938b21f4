using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging;

namespace LandUse.Scoring.Registry;

/// <summary>
/// The models a host scores with, registry versions and bundle folders alike: a registry version is downloaded once into
/// the <see cref="ModelCache"/> and verified, and at most <see cref="ModelSessionOptions.MaxLoaded"/> sessions stay
/// loaded (<see cref="LoadedModels{TModel}"/>). One implementation for in-process scoring and the scoring worker.
/// </summary>
public sealed class ModelSessions : IDisposable
{
    private readonly LoadedModels<ModelSession> _loaded;
    private readonly Func<ModelBundle, ITileScorer> _createScorer;

    /// <param name="options">Cache folder and how many sessions stay loaded.</param>
    /// <param name="createScorer">Opens (and, if the host wants, warms) a scorer on a verified bundle.</param>
    /// <param name="logger">Cache downloads and re-downloads.</param>
    /// <param name="time">Clock of the loaded/last-used times.</param>
    public ModelSessions(ModelSessionOptions options, Func<ModelBundle, ITileScorer> createScorer, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createScorer);
        _loaded = new LoadedModels<ModelSession>(options.MaxLoaded, time);
        _createScorer = createScorer;
        Cache = new ModelCache(options.ResolvedCacheFolder, logger);
    }

    public ModelCache Cache { get; }

    public int MaxLoaded => _loaded.Capacity;

    /// <summary>
    /// The session of a registry model: <paramref name="reference"/> pinned, or its name's newest version (resolved on
    /// every call, so a newly published version is picked up). Downloads and loads it on first use.
    /// </summary>
    /// <exception cref="ModelRegistryException">Not in the registry, or corrupt there.</exception>
    public async Task<ModelLease<ModelSession>> AcquireAsync(ModelRegistry registry, ModelReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reference);
        RegistryVersion? resolved = null;
        if (!reference.IsPinned)
        {
            resolved = await registry.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            reference = resolved.Reference;
        }

        return await _loaded.AcquireAsync($"{registry.Uri}#{reference}", async () =>
        {
            var version = resolved ?? await registry.ReadAsync(reference, CancellationToken.None).ConfigureAwait(false);
            var bundle = await Cache.GetAsync(registry, version, CancellationToken.None).ConfigureAwait(false);
            return new ModelSession(bundle, _createScorer(bundle), ModelSession.RegistrySource);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The session of a bundle folder (loaded on first use, validated like any bundle).</summary>
    public Task<ModelLease<ModelSession>> AcquireFolderAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        return _loaded.AcquireAsync("folder#" + full, () =>
        {
            var bundle = ModelBundle.Load(full);
            return Task.FromResult(new ModelSession(bundle, _createScorer(bundle), ModelSession.FolderSource));
        }, cancellationToken);
    }

    /// <summary>The loaded sessions, most recently used first.</summary>
    public IReadOnlyList<LoadedModel<ModelSession>> Snapshot() => _loaded.Snapshot();

    public void Dispose() => _loaded.Dispose();
}
