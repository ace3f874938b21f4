using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Predictions;

namespace LandUse.Functions.Compare;

/// <summary>Reads a completed run back from the prediction store (ledger summary + every row) in the shape Analysis compares.</summary>
public static class StoredRunLoader
{
    /// <exception cref="InvalidOperationException">The run does not exist or has not completed; the message names it.</exception>
    public static async Task<LoadedRun> LoadAsync(IPredictionStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ledger = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' does not exist.");
        if (ledger.SummaryJson is null)
        {
            throw new InvalidOperationException($"Run '{runId}' is {ledger.Status} and has no summary yet; only completed runs can be compared.");
        }

        var tiles = new List<TileResult>();
        await foreach (var row in store.ReadRunAsync(runId, ledger.Pages, cancellationToken).ConfigureAwait(false))
        {
            tiles.Add(row.ToTileResult());
        }

        return new LoadedRun(store.RunFolder(runId) ?? "", RunSummary.FromJson(ledger.SummaryJson), tiles);
    }
}
