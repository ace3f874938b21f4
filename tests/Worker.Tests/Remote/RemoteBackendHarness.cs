using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Backends.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Worker.Tests.Remote;

/// <summary>The pipeline's remote backend composed exactly as hosts compose it (AddScoringBackend), tuned to fail fast.</summary>
internal sealed class RemoteBackendHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private RemoteBackendHarness(ServiceProvider services)
    {
        this.services = services;
        Backend = services.GetRequiredService<IScoringBackendProvider>().Get("ignored-by-the-remote-backend");
    }

    public IScoringBackend Backend { get; }

    public static RemoteBackendHarness Create(Uri endpoint, string? sharedKey, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scoring:Endpoint"] = endpoint.ToString(),
            ["Scoring:SharedKey"] = sharedKey,
            ["Scoring:MaxTilesPerCall"] = "4",
            ["Scoring:AttemptTimeout"] = "00:00:03",
            ["Scoring:TotalTimeout"] = "00:00:40",
            ["Scoring:MaxRetries"] = "3",
            ["Scoring:RetryDelay"] = "00:00:00.050",
            ["Scoring:BreakDuration"] = "00:00:01",
            ["Scoring:ReadyTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddScoringBackend(configuration).BuildServiceProvider();
        return new RemoteBackendHarness(services);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
