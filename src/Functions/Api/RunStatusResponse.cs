using System.Text.Json;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Runs;

namespace LandUse.Functions.Api;

/// <summary>
/// What <c>GET /api/runs/{runId}</c> answers: status, live progress (with the running 6- and 3-class accuracy), output,
/// the ledger's totals, links to the run's artifacts (report.html, summary.json, predictions.csv, ...) and its endpoints.
/// </summary>
public sealed record RunStatusResponse(
    string RunId,
    string Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    RunProgress? Progress,
    RunTotalsView? Totals,
    JsonElement? Output,
    string? Error,
    IReadOnlyDictionary<string, string> Artifacts,
    RunLinks Links)
{
    public static RunStatusResponse From(RunView view, RunLinks links)
    {
        ArgumentNullException.ThrowIfNull(view);
        var ledger = view.Ledger;
        return new RunStatusResponse(
            view.RunId,
            view.Status,
            view.CreatedAt,
            view.LastUpdatedAt,
            view.Progress,
            ledger is null ? null : new RunTotalsView(ledger.Listed, ledger.Scored, ledger.Failed, ledger.Skipped, ledger.ModelVersion, ledger.Counts.Accuracy6, ledger.Counts.Accuracy3),
            view.Output,
            view.Error,
            view.Artifacts,
            links);
    }
}

/// <summary>The ledger's counts for a run, as last written by the pipeline, with its accuracy against truth when known.</summary>
public sealed record RunTotalsView(long Listed, long Scored, long Failed, long Skipped, string? ModelVersion, double? Accuracy6, double? Accuracy3);
