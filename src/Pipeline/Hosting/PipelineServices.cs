using Azure.Core;
using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Comparisons;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Pipeline.Uploads;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LandUse.Pipeline.Hosting;

/// <summary>Composition of the pipeline's services, shared by the embedded engine, the Functions app and tests.</summary>
public static class PipelineServices
{
    /// <summary>
    /// Registers the one credential and client factory, stores, ledgers, artifact sinks, run control, the truth resolver,
    /// model registry access, the in-process scoring backend (unless a provider is already registered) and the activity
    /// classes. Existing registrations of <see cref="StorageConnections"/>, <see cref="TokenCredential"/>,
    /// <see cref="ScoringOptions"/>, <see cref="ModelSessionOptions"/>, <see cref="IScoringBackendProvider"/> and
    /// <see cref="TimeProvider"/> win.
    /// </summary>
    public static IServiceCollection AddLandUsePipeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(sp => new StorageConnections(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddLandUseCredential();
        services.TryAddSingleton(StorageRetry.Default);
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton(new ScoringOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TileStoreFactory>();
        services.TryAddSingleton<PredictionStoreFactory>();
        services.TryAddSingleton<RunLedgers>();
        services.TryAddSingleton<ArtifactSinks>();
        services.TryAddSingleton<RunControl>();
        services.TryAddSingleton<TileFactsResolver>();
        services.TryAddSingleton<ModelRegistries>();
        services.TryAddSingleton(new ModelSessionOptions());
        services.TryAddSingleton<IScoringBackendProvider>(InProcessScoringBackendProvider.Create);
        services.TryAddTransient<StartRunActivity>();
        services.TryAddTransient<ListPageActivity>();
        services.TryAddTransient<ScoreBatchActivity>();
        services.TryAddTransient<SummarizeActivity>();
        services.TryAddTransient<FailRunActivity>();
        services.TryAddTransient<CompareRunsActivity>();
        return services;
    }

    /// <summary>Upload scoring (micro-batched, ETag-idempotent) for a host that says which live run a container's uploads go to.</summary>
    public static IServiceCollection AddUploadScoring<TRuns>(this IServiceCollection services)
        where TRuns : class, IUploadRuns
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IUploadRuns, TRuns>();
        services.TryAddSingleton<UploadVersions>();
        services.TryAddSingleton<UploadScorer>();
        services.TryAddSingleton<UploadBatcher>();
        services.TryAddSingleton<UploadedTileHandler>();
        return services;
    }
}
