using LandUse.Analysis.Runs;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Comparisons;

/// <summary>Reads a completed run back from its ledger (summary) and prediction store (every row) in the shape Analysis compares.</summary>
public static class StoredRunLoader
{
    /// <exception cref="InvalidOperationException">The run does not exist or has not completed; the message names it.</exception>
    public static async Task<LoadedRun> LoadAsync(IPredictionStore store, IRunLedger ledger, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        var record = await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' does not exist.");
        if (record.Summary is not { } summary)
        {
            throw new InvalidOperationException($"Run '{runId}' is {record.Status} and has no summary yet; only completed runs can be compared.");
        }

        var tiles = new List<TileResult>();
        await foreach (var row in store.ReadRunAsync(runId, record.Pages, cancellationToken).ConfigureAwait(false))
        {
            tiles.Add(RunArtifactWriter.ToTileResult(row));
        }

        return new LoadedRun(store.RunFolder(runId) ?? "", summary, tiles);
    }
}
