using LandUse.Analysis.Summaries;

namespace LandUse.Pipeline.Uploads;

/// <summary>
/// The per-instance micro-batcher in front of <see cref="UploadScorer"/>: concurrent upload events on one instance
/// share model calls (up to <see cref="LiveRunOptions.BatchSize"/> tiles, waiting at most
/// <see cref="LiveRunOptions.MaxDelayMilliseconds"/>), while each event still completes or fails on its own.
/// </summary>
public sealed class UploadBatcher : IAsyncDisposable
{
    private readonly MicroBatcher<LiveTile, TileCounts> _batcher;

    public UploadBatcher(UploadScorer scorer, IUploadRuns runs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(runs);
        var live = runs.Batching;
        _batcher = new MicroBatcher<LiveTile, TileCounts>(
            scorer.ScoreAsync, live.BatchSize, TimeSpan.FromMilliseconds(live.MaxDelayMilliseconds), time);
    }

    /// <summary>Completes when the batch holding this tile has been scored and written.</summary>
    public Task<TileCounts> SubmitAsync(LiveTile tile, CancellationToken cancellationToken) => _batcher.SubmitAsync(tile, cancellationToken);

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();
}
