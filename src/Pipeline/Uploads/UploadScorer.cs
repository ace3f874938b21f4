using System.Collections.Concurrent;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Uploads;

/// <summary>
/// Scores a micro-batch of uploaded tiles into their container's live run with the pipeline's own activities, so
/// uploads get exactly the rows a batch run would write: StartRun once per process (storage, model version, ledger row),
/// then the batch as a one-batch page manifest scored by ScoreBatch, which skips tiles whose row already has the same
/// ETag and model version and turns undecodable tiles into error rows. After writing, blobs overwritten meanwhile are
/// scored again under their current ETag (<see cref="UploadVersions"/>), so the newest content's prediction is the one
/// left, whatever order events arrive in.
/// </summary>
/// <remarks>
/// The manifest lives under a page number drawn once per process; the micro-batcher scores one batch at a time, so the
/// process overwrites its own single manifest row instead of leaving one per batch behind.
/// </remarks>
public sealed partial class UploadScorer(
    IUploadRuns runs,
    PredictionStoreFactory predictionStores,
    StartRunActivity startRun,
    ScoreBatchActivity scoreBatch,
    UploadVersions versions,
    TimeProvider time,
    ILogger<UploadScorer> logger)
{
    private const int MaxRescores = 3;
    private readonly int _page = Random.Shared.Next(1_000_000, int.MaxValue);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _modelVersions = new(StringComparer.Ordinal);

    /// <summary>Scores the tiles (one result per tile, in order): the counts of the batch each tile went into.</summary>
    public async Task<IReadOnlyList<TileCounts>> ScoreAsync(IReadOnlyList<LiveTile> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var results = new TileCounts[tiles.Count];
        foreach (var group in tiles.Select((tile, index) => (tile, index)).GroupBy(t => t.tile.Container, StringComparer.Ordinal))
        {
            var summary = await ScoreContainerAsync(group.Key, [.. group.Select(t => t.tile.Entry)], cancellationToken).ConfigureAwait(false);
            foreach (var (_, index) in group)
            {
                results[index] = summary;
            }
        }

        return results;
    }

    private async Task<TileCounts> ScoreContainerAsync(string container, List<TileEntry> entries, CancellationToken cancellationToken)
    {
        var run = runs.RunFor(container);

        // Two events for one blob in a batch: score it once, with the version seen last.
        var unique = entries.GroupBy(e => e.Ref, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
        var modelVersion = await ModelVersionAsync(run, cancellationToken).ConfigureAwait(false);
        var counts = await ScoreBatchAsync(run, modelVersion, unique, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TileEntry> scored = unique;
        for (var pass = 0; pass < MaxRescores; pass++)
        {
            scored = await versions.MovedAsync(run, scored, cancellationToken).ConfigureAwait(false);
            if (scored.Count == 0)
            {
                break;
            }

            LogOverwritten(logger, run.RunId, scored.Count);
            await ScoreBatchAsync(run, modelVersion, [.. scored], cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    private async Task<TileCounts> ScoreBatchAsync(RunRequest run, string modelVersion, TileEntry[] entries, CancellationToken cancellationToken)
    {
        var store = predictionStores.Open(run.Output);
        await store.SavePageAsync(run.RunId, _page, entries, entries.Length, cancellationToken).ConfigureAwait(false);
        var counts = await scoreBatch.ExecuteAsync(new BatchRequest(run, modelVersion, _page, 0), cancellationToken).ConfigureAwait(false);
        LogBatch(logger, run.RunId, entries.Length, counts.Scored - counts.Skipped, counts.Failed, counts.Skipped);
        return counts;
    }

    // StartRun prepares the tables, loads the model to learn its version and marks the live run as running; once per
    // process and container. A failure is not cached, so the next batch tries again.
    private async Task<string> ModelVersionAsync(RunRequest run, CancellationToken cancellationToken)
    {
        var lazy = _modelVersions.GetOrAdd(run.RunId, _ => new Lazy<Task<string>>(async () =>
            (await startRun.ExecuteAsync(new StartRunRequest(run, time.GetUtcNow().UtcDateTime), CancellationToken.None).ConfigureAwait(false)).ModelVersion));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _modelVersions.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(run.RunId, lazy));
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live run {RunId}: {Tiles} uploaded tiles changed while they were scored; scoring their current version")]
    private static partial void LogOverwritten(ILogger logger, string runId, int tiles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live run {RunId}: batch of {Tiles} uploaded tiles, {Scored} scored, {Failed} failed, {Skipped} unchanged")]
    private static partial void LogBatch(ILogger logger, string runId, int tiles, long scored, long failed, long skipped);
}
