using System.Collections.Concurrent;
using LandUse.Functions.Configuration;
using LandUse.Pipeline.Activities;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Truth;
using Microsoft.Extensions.Logging;

namespace LandUse.Functions.Uploads;

/// <summary>
/// Scores a micro-batch of uploaded tiles into their container's live run with the Pipeline's own activities, so
/// uploads get exactly the rows a batch run would write: StartRun once per process (storage, model version, ledger row),
/// then the batch as a one-batch page manifest scored by ScoreBatch, which skips tiles whose row already has the same
/// ETag and model version and turns undecodable tiles into error rows.
/// </summary>
/// <remarks>
/// The manifest lives under a page number drawn once per process; the micro-batcher scores one batch at a time, so the
/// process overwrites its own single manifest row instead of leaving one per batch behind.
/// </remarks>
public sealed partial class LiveTileScorer(
    AppStorage storage,
    StartRunActivity startRun,
    ScoreBatchActivity scoreBatch,
    TimeProvider time,
    ILogger<LiveTileScorer> logger)
{
    private readonly int _page = Random.Shared.Next(1_000_000, int.MaxValue);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _modelVersions = new(StringComparer.Ordinal);

    /// <summary>Scores the tiles (one result per tile, in order): the partial summary of the batch each tile went into.</summary>
    public async Task<IReadOnlyList<PartialSummary>> ScoreAsync(IReadOnlyList<LiveTile> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var results = new PartialSummary[tiles.Count];
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

    private async Task<PartialSummary> ScoreContainerAsync(string container, List<Pipeline.Stores.TileEntry> entries, CancellationToken cancellationToken)
    {
        var run = RunFor(container);

        // Two events for one blob in a batch: score it once, with the version seen last.
        var unique = entries.GroupBy(e => e.Ref, StringComparer.Ordinal).Select(g => g.Last()).ToArray();
        var modelVersion = await ModelVersionAsync(run, cancellationToken).ConfigureAwait(false);
        var store = storage.OpenPredictions();
        await store.SavePageAsync(run.RunId, _page, unique, unique.Length, cancellationToken).ConfigureAwait(false);
        var summary = await scoreBatch.ExecuteAsync(new BatchRequest(run, modelVersion, _page, 0), cancellationToken).ConfigureAwait(false);
        LogBatch(logger, run.RunId, unique.Length, summary.Scored - summary.Skipped, summary.Failed, summary.Skipped);
        return summary;
    }

    private RunRequest RunFor(string container) => new()
    {
        RunId = LiveRuns.RunIdFor(container),
        Source = storage.Tiles(container, ""),
        ModelBundle = storage.ModelBundle,
        Output = storage.Predictions(),
        BatchSize = Math.Max(1, storage.Options.Live.BatchSize),
        Truth = TruthSource.Auto,
    };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Live run {RunId}: batch of {Tiles} uploaded tiles, {Scored} scored, {Failed} failed, {Skipped} unchanged")]
    private static partial void LogBatch(ILogger logger, string runId, int tiles, long scored, long failed, long skipped);
}
