using LandUse.Analysis.Runs;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// A completed run from its ledger (summary) and prediction store, in the shape Analysis compares: the summary read now,
/// the rows streamed from the store on every pass (<see cref="IPredictionStore.ReadRunAsync"/>), never held whole.
/// </summary>
public static class StoredRunLoader
{
    /// <exception cref="InvalidOperationException">The run does not exist or has not completed; the message names it.</exception>
    public static async Task<StreamedRun> OpenAsync(IPredictionStore store, IRunLedger ledger, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        var record = await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run '{runId}' does not exist.");
        if (record.Summary is not { } summary)
        {
            throw new InvalidOperationException($"Run '{runId}' is {record.Status} and has no summary yet; only completed runs can be compared.");
        }

        var pages = record.Pages;
        return new StreamedRun(store.RunFolder(runId) ?? "", summary, new TileRows(ct => store.ReadRunAsync(runId, pages, ct).Select(RunArtifactWriter.ToTileResult)));
    }
}
