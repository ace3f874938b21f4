using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// The one <see cref="TokenCredential"/> a host uses for storage, the scoring worker and telemetry: DefaultAzureCredential
/// (the managed identity in Azure, <c>AZURE_CLIENT_ID</c> picks a user-assigned one; az login locally), registered once.
/// </summary>
public static class Credentials
{
    /// <summary>Registers the credential unless one is registered, and returns the instance every consumer gets.</summary>
    public static TokenCredential AddLandUseCredential(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(TokenCredential))?.ImplementationInstance is TokenCredential existing)
        {
            return existing;
        }

        var credential = new DefaultAzureCredential();
        services.RemoveAll<TokenCredential>();
        services.AddSingleton<TokenCredential>(credential);
        return credential;
    }
}
