using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using LandUse.Worker.Options;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Model;

/// <summary>
/// The worker's own model (<c>Worker:ModelPath</c>, for requests that name none): loaded in the background after
/// start-up (so the process answers <c>/healthz</c> at once), warmed with one dummy batch, then served. Without a
/// ModelPath but with a registry there is nothing to preload: the worker is ready and loads what requests name.
/// <c>/readyz</c> reads its status. A worker asked for CUDA whose session fell back to the CPU counts as failed
/// (<see cref="ProviderReadiness"/>).
/// </summary>
internal sealed partial class ModelHost(IScorerSource loader, IOptions<WorkerOptions> options, ILogger<ModelHost> logger) : BackgroundService
{
    private readonly TaskCompletionSource<ITileScorer?> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITileScorer? scorer;

    public ModelStatus Status { get; private set; } = ModelStatus.Loading;

    /// <summary>Why loading failed; null unless <see cref="Status"/> is <see cref="ModelStatus.Failed"/>.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The worker's own scorer, or null while loading, after a failure, or when the worker has none (registry only).</summary>
    public ITileScorer? Scorer => Status == ModelStatus.Ready ? scorer : null;

    /// <summary>The worker's own model as a session (bundle facts for <c>/v1/models</c>), when it has one and it is ready.</summary>
    public ModelSession? Session { get; private set; }

    /// <summary>When the worker's own model turned ready.</summary>
    public DateTimeOffset? ReadyAt { get; private set; }

    /// <summary>Completes once the worker is ready (with its own scorer, or null when it has none); faults if loading failed.</summary>
    public Task<ITileScorer?> WhenReady => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first so host start-up never waits on the model.
        await Task.Yield();
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ModelPath) && settings.Models.Configured)
        {
            LogRegistryOnly(logger, settings.Models.Container);
            Status = ModelStatus.Ready;
            ready.TrySetResult(null);
            return;
        }

        try
        {
            var loaded = await loader.LoadAsync(stoppingToken).ConfigureAwait(false);
            if (ProviderReadiness.Problem(options.Value.Provider, loaded) is { } problem)
            {
                loaded.Dispose();
                throw new InvalidOperationException(problem);
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            WorkerScorers.WarmUp(loaded, stoppingToken);
            LogWarm(logger, loaded.ModelVersion, loaded.ActiveProvider, started.ElapsedMilliseconds);
            scorer = loaded;
            Session = WorkerScorers.BundleOf(loaded) is { } bundle ? new ModelSession(bundle, loaded, ModelSession.FolderSource) : null;
            ReadyAt = DateTimeOffset.UtcNow;
            Status = ModelStatus.Ready;
            ready.TrySetResult(loaded);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            ready.TrySetCanceled(stoppingToken);
        }
#pragma warning disable CA1031 // Any load failure must surface through /readyz and 503s, not crash the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FailureReason = ex.Message;
            Status = ModelStatus.Failed;
            LogFailed(logger, ex);
            ready.TrySetException(ex);
        }
    }

    public override void Dispose()
    {
        // The session only wraps the scorer; disposing the scorer once is enough.
        scorer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelVersion} ready on {Provider}; warm-up batch took {ElapsedMs} ms")]
    private static partial void LogWarm(ILogger logger, string modelVersion, string provider, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Worker__ModelPath: requests name registry models (container {Container}), loaded on first use")]
    private static partial void LogRegistryOnly(ILogger logger, string container);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; /readyz stays 503 and /v1/score answers 503")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
