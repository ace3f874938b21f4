using System.Net;
using LandUse.Worker.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Worker.Tests.Support;

/// <summary>
/// The real worker composition (AddScoringWorker + MapScoringWorker) on Kestrel at 127.0.0.1 with a free port,
/// configured only from the settings given (no environment, no appsettings).
/// </summary>
internal sealed class WorkerServer : IAsyncDisposable
{
    public const string Key = "test-shared-key";

    private readonly WebApplication app;

    private WorkerServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Settings for a worker on the test model, reading tiles under <paramref name="tilesRoot"/>, open to the shared key.</summary>
    public static async Task<Dictionary<string, string?>> SettingsAsync(string? tilesRoot, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Worker:ModelPath"] = await TestModel.PathAsync(),
            ["Worker:Auth:SharedKey"] = Key,
            ["Worker:Tiles:Root"] = tilesRoot,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<WorkerServer> StartAsync(
        IDictionary<string, string?> settings,
        Action<WebApplication>? beforeEndpoints = null,
        Action<IServiceCollection>? services = null,
        bool waitUntilReady = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("LANDUSE_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        }

        builder.AddScoringWorker();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        beforeEndpoints?.Invoke(app);
        app.MapScoringWorker();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var server = new WorkerServer(app, new Uri(app.Urls.Single() + "/"));
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        }

        return server;
    }

    public HttpClient Client(string? key = Key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-LandUse-Key", key);
        }

        return client;
    }

    public T Get<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = Client(null);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            var model = Get<LandUse.Worker.Model.ModelHost>();
            if (model.Status == LandUse.Worker.Model.ModelStatus.Failed)
            {
                throw new InvalidOperationException($"The worker at {Address} failed to load its model: {model.FailureReason}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The worker at {Address} was not ready within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
