using LandUse.Scoring.Inference;
using LandUse.Worker.Options;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Model;

/// <summary>
/// Loads the model in the background after start-up (so the process answers <c>/healthz</c> at once), warms it with
/// one dummy batch, then hands the scorer to the batcher. <c>/readyz</c> reads its status. A worker asked for CUDA
/// whose session fell back to the CPU counts as failed (<see cref="ProviderReadiness"/>).
/// </summary>
internal sealed partial class ModelHost(IScorerSource loader, IOptions<WorkerOptions> options, ILogger<ModelHost> logger) : BackgroundService
{
    private readonly TaskCompletionSource<ITileScorer> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITileScorer? scorer;

    public ModelStatus Status { get; private set; } = ModelStatus.Loading;

    /// <summary>Why loading failed; null unless <see cref="Status"/> is <see cref="ModelStatus.Failed"/>.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The loaded scorer, or null while loading or after a failure.</summary>
    public ITileScorer? Scorer => Status == ModelStatus.Ready ? scorer : null;

    /// <summary>Completes with the scorer once it is ready; faults if loading failed.</summary>
    public Task<ITileScorer> WhenReady => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first so host start-up never waits on the model.
        await Task.Yield();
        try
        {
            var loaded = await loader.LoadAsync(stoppingToken).ConfigureAwait(false);
            if (ProviderReadiness.Problem(options.Value.Provider, loaded) is { } problem)
            {
                loaded.Dispose();
                throw new InvalidOperationException(problem);
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var warm = loaded.Score([new TileInput("warm-up", WarmupTile.Png)], stoppingToken);
            if (warm.Count != 1 || !warm[0].Succeeded)
            {
                throw new InvalidOperationException($"The warm-up batch failed: {(warm.Count > 0 ? warm[0].Error : "no prediction")}.");
            }

            LogWarm(logger, loaded.ModelVersion, loaded.ActiveProvider, started.ElapsedMilliseconds);
            scorer = loaded;
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
        scorer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelVersion} ready on {Provider}; warm-up batch took {ElapsedMs} ms")]
    private static partial void LogWarm(ILogger logger, string modelVersion, string provider, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; /readyz stays 503 and /v1/score answers 503")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
