using LandUse.Functions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Hosting;

/// <summary>Binds the app's options records from their sections and validates them at start-up.</summary>
public static class OptionsExtensions
{
    public static IHostApplicationBuilder AddLandUseOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LandUseOptions>()
            .Bind(builder.Configuration.GetSection(LandUseOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LandUseOptions>, LandUseOptionsValidator>());
        return builder;
    }
}
