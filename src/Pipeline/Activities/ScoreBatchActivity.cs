using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Backends;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Output;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Activities;

/// <summary>
/// Scores one batch of a page: loads its tiles from the manifest, reuses rows already stored with the same content
/// and model version (resume), scores the rest, writes every row of the batch, and returns its small counts.
/// A tile that cannot be read or decoded becomes a row with an error; it never fails the batch. A batch still in flight
/// when its run was cancelled (or deleted) does not write: the ledger no longer says Running, and a resume rescores it; nor
/// does one of a process whose run-id lease was taken over (<see cref="RunWrites"/>).
/// </summary>
[DurableTask(ActivityNames.ScoreBatch)]
public sealed class ScoreBatchActivity(
    TileStoreFactory tileStores,
    PredictionStoreFactory predictionStores,
    RunLedgers ledgers,
    IScoringBackendProvider backends,
    TileFactsResolver facts,
    ScoringOptions scoringOptions,
    TimeProvider time,
    ILogger<ScoreBatchActivity> log)
    : TaskActivity<BatchRequest, TileCounts>
{
    public override Task<TileCounts> RunAsync(TaskActivityContext context, BatchRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<TileCounts> ExecuteAsync(BatchRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var store = predictionStores.Open(run.Output);
        var tiles = await store.LoadBatchAsync(run.RunId, input.Page, input.Batch, cancellationToken).ConfigureAwait(false);
        var existing = await store.FindExistingAsync(run.RunId, input.Page, input.Batch, tiles, cancellationToken).ConfigureAwait(false);

        var rows = new PredictionRow?[tiles.Count];
        var toScore = new List<int>(tiles.Count);
        long skipped = 0;
        for (var i = 0; i < tiles.Count; i++)
        {
            if (existing.TryGetValue(tiles[i].Ref, out var row) && row.IsCurrent(tiles[i].Version, input.ModelVersion))
            {
                rows[i] = row;
                skipped++;
            }
            else
            {
                toScore.Add(i);
            }
        }

        if (toScore.Count > 0)
        {
            await ScoreAsync(input, tiles, toScore, rows, cancellationToken).ConfigureAwait(false);
        }

        if (!await RunWrites.MayWriteAsync(ledgers, run, cancellationToken).ConfigureAwait(false))
        {
            PipelineLog.BatchDropped(log, run.RunId, input.Page, input.Batch);
            return TileCounts.FromRows(rows!, skipped);
        }

        // Reused rows are written again as well (no model call): that makes them this attempt's rows, so an export of a
        // Table-backed run leaves out rows of tiles only an earlier attempt listed (see TablePredictionStore.ReadRunAsync).
        await store.WriteBatchAsync(run.RunId, input.Page, input.Batch, rows!, cancellationToken).ConfigureAwait(false);

        var partial = TileCounts.FromRows(rows!, skipped);
        PipelineLog.BatchScored(log, run.RunId, input.Page, input.Batch, partial.Scored, partial.Failed, skipped);
        return partial;
    }

    private async Task ScoreAsync(BatchRequest input, IReadOnlyList<TileEntry> tiles, List<int> toScore, PredictionRow?[] rows, CancellationToken cancellationToken)
    {
        var run = input.Run;
        var tileStore = tileStores.Open(run.Source);
        var readable = toScore.Where(i => tiles[i].Problem is null && tiles[i].Size <= scoringOptions.MaxFileBytes).ToList();
        var predictions = readable.Count == 0
            ? []
            : await backends.Get(run.ModelSource().Pinned(input.ModelVersion)).ScoreAsync(tileStore, readable.Select(i => tiles[i].Ref).ToArray(), cancellationToken).ConfigureAwait(false);
        var byIndex = new Dictionary<int, TilePrediction>(readable.Count);
        for (var k = 0; k < readable.Count && k < predictions.Count; k++)
        {
            byIndex[readable[k]] = predictions[k];
        }

        var scoredAt = time.GetUtcNow();
        foreach (var i in toScore)
        {
            var tile = tiles[i];
            var prediction = byIndex.TryGetValue(i, out var p)
                ? p
                : TilePrediction.Failed(tile.Ref, tile.Problem
                    ?? tileStores.Rules.ProblemOfSize(tile.Ref, tile.Size)
                    ?? "the backend returned no prediction for this tile");

            // Grid cells come from tiles.csv or the name whatever the truth source (--truth None still draws maps); an
            // entry with a bad name reads nothing beside it.
            var known = tile.Problem is not null && TileEntryRules.ProblemOfName(tile.Ref) is not null
                ? TileFacts.None
                : await facts.ResolveAsync(tileStore, tile.Ref, run.Truth, cancellationToken).ConfigureAwait(false);
            rows[i] = PredictionRow.From(tile.Ref, prediction) with
            {
                Truth = known.Truth,
                Row = known.Row,
                Col = known.Col,
                Lat = known.Lat,
                Lon = known.Lon,
                ModelVersion = input.ModelVersion,
                SourceVersion = tile.Version,
                ScoredAt = scoredAt,
            };
        }
    }
}
