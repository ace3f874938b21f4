using LandUse.Functions.Api;
using LandUse.Functions.Configuration;
using LandUse.Functions.Uploads;
using LandUse.Pipeline.Backends.Remote;
using LandUse.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LandUse.Functions.Hosting;

/// <summary>Composition of the Function App: the Pipeline's services, the scoring backend configuration picks, and the handlers.</summary>
public static class AppServices
{
    public static IHostApplicationBuilder AddLandUseFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLandUseOptions();
        builder.Services.AddScoringBackend(builder.Configuration);
        builder.Services.AddLandUseHandlers();
        return builder;
    }

    /// <summary>Everything the function classes resolve; tests call this on their own service collection.</summary>
    public static IServiceCollection AddLandUseHandlers(this IServiceCollection services)
    {
        services.AddLandUsePipeline();
        services.AddSingleton<AppStorage>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<CompareApi>();
        services.AddSingleton<Compare.RunComparer>();
        services.AddSingleton<LiveTileScorer>();
        services.AddSingleton<UploadBatcher>();
        services.AddSingleton<UploadedTileHandler>();
        return services;
    }
}
