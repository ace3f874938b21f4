using LandUse.Functions.Configuration;
using LandUse.Pipeline.Orchestration;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Uploads;

/// <summary>
/// The per-instance micro-batcher in front of <see cref="LiveTileScorer"/>: concurrent upload events on one instance
/// share model calls (up to <see cref="LiveRunOptions.BatchSize"/> tiles, waiting at most
/// <see cref="LiveRunOptions.MaxDelayMilliseconds"/>), while each event still completes or fails on its own.
/// </summary>
public sealed class UploadBatcher : IAsyncDisposable
{
    private readonly MicroBatcher<LiveTile, PartialSummary> _batcher;

    public UploadBatcher(LiveTileScorer scorer, IOptions<LandUseOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        var live = options.Value.Live;
        _batcher = new MicroBatcher<LiveTile, PartialSummary>(
            scorer.ScoreAsync, live.BatchSize, TimeSpan.FromMilliseconds(live.MaxDelayMilliseconds), time);
    }

    /// <summary>Completes when the batch holding this tile has been scored and written.</summary>
    public Task<PartialSummary> SubmitAsync(LiveTile tile, CancellationToken cancellationToken) => _batcher.SubmitAsync(tile, cancellationToken);

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();
}
