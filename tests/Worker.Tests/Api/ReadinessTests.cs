using System.Net;
using System.Net.Http.Json;
using LandUse.Scoring.Inference;
using LandUse.Worker.Model;
using LandUse.Worker.Options;
using LandUse.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Tests.Api;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_is_503_while_the_model_loads_and_200_once_it_is_loaded_and_warm()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = await WorkerServer.SettingsAsync(null);
        await using var server = await WorkerServer.StartAsync(
            settings,
            services: s => s.AddSingleton<IScorerSource>(sp => new GatedSource(gate.Task, new ModelLoader(sp.GetRequiredService<IOptions<WorkerOptions>>(), NullLoggerFactory.Instance))),
            waitUntilReady: false);
        using var client = server.Client();

        using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var loading = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var early = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "a.png" } }, TestContext.Current.CancellationToken);

        gate.SetResult();
        await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_model_that_fails_to_load_keeps_readyz_503_and_says_why()
    {
        var missing = Path.Combine(Path.GetTempPath(), "landuse-no-such-bundle-" + Guid.NewGuid().ToString("N"));
        var settings = await WorkerServer.SettingsAsync(null, ("Worker:ModelPath", missing));
        await using var server = await WorkerServer.StartAsync(settings, waitUntilReady: false);
        using var client = server.Client();
        var model = server.Get<ModelHost>();
        await Assert.ThrowsAnyAsync<Exception>(() => model.WhenReady.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var score = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "a.png" } }, TestContext.Current.CancellationToken);
        var detail = await score.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, score.StatusCode);
        Assert.Contains("failed to load", detail, StringComparison.Ordinal);
        Assert.Contains(missing, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_without_a_model_path_never_trains_one_and_says_which_setting_to_set()
    {
        var settings = await WorkerServer.SettingsAsync(null, ("Worker:ModelPath", null));
        await using var server = await WorkerServer.StartAsync(settings, waitUntilReady: false);
        var model = server.Get<ModelHost>();
        await Assert.ThrowsAnyAsync<Exception>(() => model.WhenReady.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal(ModelStatus.Failed, model.Status);
        Assert.Contains("Worker__ModelPath", model.FailureReason, StringComparison.Ordinal);
    }

    /// <summary>The real loader, held back until the test opens the gate.</summary>
    private sealed class GatedSource(Task gate, IScorerSource inner) : IScorerSource
    {
        public async Task<ITileScorer> LoadAsync(CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.LoadAsync(cancellationToken);
        }
    }
}
