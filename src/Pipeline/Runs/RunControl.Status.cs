using System.Text.Json;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

public sealed partial class RunControl
{
    /// <summary>
    /// Status, live progress (the orchestration's, else the ledger's progress entry written by the process running it),
    /// the ledger record and where the artifacts are; null when neither an instance nor a ledger row exists.
    /// </summary>
    public async Task<RunView?> StatusAsync(DurableTaskClient? client, string runId, PredictionTarget target, CancellationToken cancellationToken)
    {
        RunIds.Validate(runId);
        var (instance, live) = client is null ? (null, null) : await RunProgressReader.ReadAsync(client, runId, time, cancellationToken).ConfigureAwait(false);
        var ledger = ledgers.Open(target);
        var record = await ledger.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (instance is null && record is null)
        {
            return null;
        }

        var progress = live ?? (record is { Status: RunStatus.Running } ? await ledger.GetProgressAsync(runId, cancellationToken).ConfigureAwait(false) : null);
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (record?.Summary is not null)
        {
            var sink = ArtifactsOf(record, target, runId);
            foreach (var name in await sink.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                artifacts[name] = sink.LocationOf(name);
            }
        }

        return new RunView(
            runId,
            StatusOf(instance, record),
            instance?.CreatedAt ?? record?.StartedAt,
            instance?.LastUpdatedAt ?? record?.FinishedAt ?? progress?.At,
            progress,
            record,
            instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? ParseOrNull(instance.SerializedOutput) : null,
            instance?.FailureDetails is { } failure ? Orchestration.RetryPolicies.Innermost(failure) : record?.Error,
            artifacts);
    }

    /// <summary>The run's summary once it completed, else its status (or both null when the run is unknown).</summary>
    public async Task<SummaryRead> SummaryAsync(DurableTaskClient? client, string runId, PredictionTarget target, CancellationToken cancellationToken)
    {
        RunIds.Validate(runId);
        var record = await ledgers.Open(target).GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (record?.Summary is { } summary)
        {
            return new SummaryRead(summary, record.Status.ToString());
        }

        var instance = client is null ? null : await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return instance is null && record is null ? new SummaryRead(null, null) : new SummaryRead(null, StatusOf(instance, record));
    }

    /// <summary>
    /// The orchestration's status while it exists, except that a run stopped gracefully (its instance completed) reads
    /// as the ledger's Cancelled; the ledger's status when the history is gone or lives in another process.
    /// </summary>
    private static string StatusOf(OrchestrationMetadata? instance, RunRecord? record) =>
        instance is null ? record!.Status.ToString()
        : instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && record?.Status == RunStatus.Cancelled ? nameof(RunStatus.Cancelled)
        : instance.RuntimeStatus.ToString();

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
