using LandUse.Functions.Api;
using LandUse.Functions.Configuration;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Hosting;

/// <summary>Composition of the Function App: options, the one credential, the scoring backend configuration picks, the Pipeline's services, the HTTP mapping.</summary>
public static class AppServices
{
    public static IHostApplicationBuilder AddLandUseFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLandUseApp(builder.Configuration);
        return builder;
    }

    /// <summary>Everything the function classes resolve; tests call this with their own configuration.</summary>
    public static IServiceCollection AddLandUseApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLandUseOptions(configuration);
        services.AddLandUseCredential();
        services.AddScoringBackend(configuration);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LandUseOptions>>().Value;
            return new ModelSessionOptions { CacheFolder = options.ModelCacheFolder, MaxLoaded = options.MaxLoadedModels };
        });
        services.AddLandUsePipeline();
        services.AddSingleton<AppTargets>();
        services.AddUploadScoring<AppTargets>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<CompareApi>();
        return services;
    }
}
