using LandUse.Functions.Configuration;
using LandUse.Functions.Hosting;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Uploads;
using LandUse.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Tests.Support;

/// <summary>
/// The Function App's services wired as in Azure but against real local parts: Azurite for blobs and tables, the demo
/// model bundle scored in process, and the in-process Durable engine (running the Pipeline's orchestrators) whose
/// <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> the HTTP handlers get, like the [DurableClient] binding.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    private AzuriteFixture? _azurite;
    private ServiceProvider? _services;
    private EmbeddedEngine? _engine;

    public string ConnectionString => _azurite!.ConnectionString;

    public IServiceProvider Services => _services!;

    public EmbeddedEngine Engine => _engine!;

    public AppTargets Targets => Services.GetRequiredService<AppTargets>();

    /// <summary>The app's prediction store (its tables on Azurite).</summary>
    public IPredictionStore Predictions => Services.GetRequiredService<PredictionStoreFactory>().Open(Targets.Predictions());

    public async ValueTask InitializeAsync()
    {
        var demo = TestBundles.DemoAsync();
        _azurite = new AzuriteFixture();
        await _azurite.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{LandUseOptions.SectionName}:{nameof(LandUseOptions.StorageConnectionString)}"] = _azurite.ConnectionString,
                [$"{LandUseOptions.SectionName}:{nameof(LandUseOptions.ModelBundlePath)}"] = await demo,
                [$"{LandUseOptions.SectionName}:Live:{nameof(LiveRunOptions.MaxDelayMilliseconds)}"] = "100",
            })
            .Build();
        _services = new ServiceCollection().AddLandUseApp(configuration).BuildServiceProvider(validateScopes: true);
        _ = _services.GetRequiredService<IOptions<LandUseOptions>>().Value; // fail here, not in a test, on bad settings
        _engine = await EmbeddedEngine.StartAsync(new EmbeddedEngineOptions
        {
            ConfigureServices = services => services.AddSingleton<IConfiguration>(configuration),
            PollInterval = TimeSpan.FromMilliseconds(200),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>Tests that share the one app fixture (Azurite, model, engine); they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsAppGroup : ICollectionFixture<FunctionsAppFixture>
{
    public const string Name = "Functions app on Azurite";
}
