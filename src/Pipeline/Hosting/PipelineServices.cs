using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LandUse.Pipeline.Hosting;

/// <summary>Composition of the pipeline's services, shared by the embedded engine, the Functions app and tests.</summary>
public static class PipelineServices
{
    /// <summary>
    /// Registers stores, the truth resolver, the in-process scoring backend (unless a provider is already registered)
    /// and the activity classes. Existing registrations of <see cref="StorageConnections"/>, <see cref="ScoringOptions"/>,
    /// <see cref="IScoringBackendProvider"/> and <see cref="TimeProvider"/> win.
    /// </summary>
    public static IServiceCollection AddLandUsePipeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(sp => new StorageConnections(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.TryAddSingleton(new ScoringOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TileStoreFactory>();
        services.TryAddSingleton<PredictionStoreFactory>();
        services.TryAddSingleton<TileFactsResolver>();
        services.TryAddSingleton<IScoringBackendProvider>(sp => new InProcessScoringBackendProvider(
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), sp.GetRequiredService<ScoringOptions>()));
        services.TryAddTransient<StartRunActivity>();
        services.TryAddTransient<ListPageActivity>();
        services.TryAddTransient<ScoreBatchActivity>();
        services.TryAddTransient<SummarizeActivity>();
        services.TryAddTransient<FailRunActivity>();
        return services;
    }
}
