using System.CommandLine;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Models;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Cli.Commands;

/// <summary>
/// How the CLI names a model registry: a container URL (signed in with DefaultAzureCredential; an Azurite URL with a
/// connection), or a container name with <c>--connection</c> (else <c>AZURE_STORAGE_CONNECTION_STRING</c>), the connection
/// string registered by name so it never travels. Registry models are cached under the CLI's cache folder.
/// </summary>
internal static class RegistryLocation
{
    public const string ConnectionName = "landuse-models";

    /// <summary>Where the CLI caches downloaded registry models: <c>models/</c> in its cache folder (<see cref="LocalCache.Root"/>).</summary>
    public static string CacheFolder => Path.Combine(LocalCache.Root(), "models");

    public static Option<string?> ConnectionOption() =>
        new("--connection") { Description = "Blob Storage connection string of the registry's account (default: AZURE_STORAGE_CONNECTION_STRING; none with a container URL: sign in)." };

    /// <summary>The registry <paramref name="value"/> names, its connection string (if any) registered in <paramref name="connections"/>.</summary>
    /// <exception cref="ArgumentException">Not a container URL, and no connection for a container name.</exception>
    public static ModelRegistryLocation Parse(string value, string? connectionString, StorageConnections connections, string optionName)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var connection = connectionString ?? Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            connections.Set(ConnectionName, connection);
        }

        return ModelRegistryLocation.Parse(value, string.IsNullOrWhiteSpace(connection) ? null : ConnectionName, optionName);
    }

    /// <summary>The registry at <paramref name="location"/>, through the pipeline's one client factory and credential.</summary>
    public static ModelRegistry Open(IServiceProvider services, ModelRegistryLocation location) =>
        services.GetRequiredService<ModelRegistries>().Open(location);

    /// <summary>A registry model as a local bundle: resolved (<c>&lt;name&gt;</c>: its newest), downloaded once and verified.</summary>
    public static async Task<ModelBundle> FetchAsync(ModelRegistryLocation location, StorageConnections connections, string reference, CancellationToken cancellationToken)
    {
        using var services = LedgerLocation.Services(connections);
        var registry = Open(services, location);
        var version = await registry.ResolveAsync(ModelReference.Parse(reference), cancellationToken).ConfigureAwait(false);
        return await new ModelCache(CacheFolder).GetAsync(registry, version, cancellationToken).ConfigureAwait(false);
    }
}
