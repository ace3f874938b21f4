using LandUse.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// The real scoring worker on loopback with no model of its own: it reads tiles and the model registry from Azurite and
/// loads the models requests name, as the deployed worker reads its storage account.
/// </summary>
internal static class RegistryWorker
{
    public const string Key = "registry-shared-key";

    public static async Task<WebApplication> StartAsync(string connectionString, string registryContainer, string cacheFolder, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:Auth:SharedKey"] = Key,
            ["Worker:Tiles:ConnectionString"] = connectionString,
            ["Worker:Models:ConnectionString"] = connectionString,
            ["Worker:Models:Container"] = registryContainer,
            ["Worker:Models:CacheFolder"] = cacheFolder,
            ["Worker:Models:MaxLoaded"] = "2",
            ["Worker:MaxBatch"] = "32",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddScoringWorker();
        var app = builder.Build();
        app.MapScoringWorker();
        await app.StartAsync(ct);
        return app;
    }
}
