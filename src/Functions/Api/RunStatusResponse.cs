using System.Text.Json;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

/// <summary>What <c>GET /api/runs/{runId}</c> answers: the orchestration's state, live progress and output, plus the ledger's totals.</summary>
public sealed record RunStatusResponse(
    string RunId,
    string Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    RunProgress? Progress,
    RunTotalsView? Totals,
    JsonElement? Output,
    string? Error,
    RunLinks Links)
{
    public static RunStatusResponse From(string runId, OrchestrationMetadata? instance, RunProgress? progress, RunRecord? ledger, RunLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var status = instance?.RuntimeStatus.ToString() ?? ledger?.Status.ToString() ?? "Unknown";
        var error = instance?.FailureDetails?.ErrorMessage ?? ledger?.Error;
        return new RunStatusResponse(
            runId,
            status,
            instance?.CreatedAt ?? ledger?.StartedAt,
            instance?.LastUpdatedAt ?? ledger?.FinishedAt,
            progress,
            ledger is null ? null : new RunTotalsView(ledger.Listed, ledger.Scored, ledger.Failed, ledger.Skipped, ledger.ModelVersion),
            instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? ParseOrNull(instance.SerializedOutput) : null,
            error,
            links);
    }

    private static JsonElement? ParseOrNull(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>The ledger's counts for a run, as last written by the pipeline.</summary>
public sealed record RunTotalsView(long Listed, long Scored, long Failed, long Skipped, string? ModelVersion);
