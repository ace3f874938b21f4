using System.Net;
using System.Net.Http.Json;
using LandUse.Worker.Model;
using LandUse.Worker.Tests.Support;

namespace LandUse.Worker.Tests.Api;

/// <summary>
/// A worker asked for CUDA is ready only when its session runs on CUDA. This machine has no GPU (and the tests build
/// the CPU ONNX Runtime package), so asking for CUDA here must keep /readyz 503 with the reason, never 200.
/// </summary>
public sealed class CudaReadinessTests
{
    [Theory]
    [InlineData("Worker:Provider")]
    [InlineData("Scoring:Provider")]
    public async Task Asking_for_CUDA_where_the_session_falls_back_to_the_CPU_keeps_readyz_503_and_says_why(string key)
    {
        var settings = await WorkerServer.SettingsAsync(null, (key, "Cuda"));
        await using var server = await WorkerServer.StartAsync(settings, waitUntilReady: false);
        var model = server.Get<ModelHost>();
        await Assert.ThrowsAnyAsync<Exception>(() => model.WhenReady.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));
        using var client = server.Client();

        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var reason = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var score = await client.PostAsJsonAsync("v1/score", new { tiles = new[] { "a.png" } }, TestContext.Current.CancellationToken);
        var detail = await score.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("Unhealthy: Not ready: CUDA was asked for (Worker__Provider or Scoring__Provider is Cuda) but model ", reason, StringComparison.Ordinal);
        Assert.Contains("runs on CPU", reason, StringComparison.Ordinal);
        Assert.Contains(MissingCudaReason(), reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, score.StatusCode);
        Assert.Contains(MissingCudaReason(), detail, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Failed, model.Status);
        Assert.Null(model.Scorer);
    }

    [Fact]
    public async Task The_worker_setting_wins_over_the_scoring_alias_and_a_CPU_worker_is_ready()
    {
        var settings = await WorkerServer.SettingsAsync(null, ("Scoring:Provider", "Cuda"), ("Worker:Provider", "Cpu"));
        await using var server = await WorkerServer.StartAsync(settings);
        using var client = server.Client(null);

        using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Healthy: Model ", body, StringComparison.Ordinal);
        Assert.Contains(" on CPU.", body, StringComparison.Ordinal);
    }

    /// <summary>The CPU package lacks the CUDA entry point; the GPU package on a machine without CUDA names the library the loader could not open.</summary>
    private static string MissingCudaReason() =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libonnxruntime_providers_cuda.so"))
            ? "cannot open shared object file"
            : "this build of ONNX Runtime has no CUDA execution provider";
}
