using LandUse.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Hosting;

/// <summary>Binds the app's options records from their sections and validates them at start-up.</summary>
public static class OptionsExtensions
{
    public static IServiceCollection AddLandUseOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddOptions<LandUseOptions>()
            .Bind(configuration.GetSection(LandUseOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LandUseOptions>, LandUseOptionsValidator>());
        return services;
    }
}
