using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Functions.Compare;
using LandUse.Functions.Configuration;
using LandUse.Pipeline.Predictions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

/// <summary>
/// <c>POST /api/compare</c> as a plain method: checks both runs are completed runs of this app, then starts the
/// CompareRuns orchestration; its status and result are read at <c>GET /api/runs/{comparisonId}</c>.
/// </summary>
public sealed class CompareApi(AppStorage storage)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (body, problem) = await RequestBody.ReadAsync<CompareBody>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if ((Check("runA", body!.RunA) ?? Check("runB", body.RunB)) is { } bad)
        {
            return bad;
        }

        if (string.Equals(body.RunA, body.RunB, StringComparison.Ordinal))
        {
            return Problems.BadField("runB", "runB must name a different run than runA.");
        }

        var options = new ChangeOptions
        {
            From = body.From ?? ChangeOptions.Default.From,
            To = body.To ?? ChangeOptions.Default.To,
            Smooth = body.Smooth ?? false,
            ATruth = body.ATruth ?? false,
            BTruth = body.BTruth ?? false,
        };
        if (options.From == options.To)
        {
            return Problems.BadField("to", $"'to' must differ from 'from' (both are {options.From}).");
        }

        var store = storage.OpenPredictions();
        foreach (var runId in new[] { body.RunA!, body.RunB! })
        {
            var ledger = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (ledger is null)
            {
                return Problems.NotFound(runId);
            }

            if (ledger.SummaryJson is null)
            {
                return Problems.Conflict(runId, ledger.Status.ToString(), $"Run '{runId}' is {ledger.Status}; only completed runs can be compared.");
            }
        }

        var id = ComparisonId(body.RunA!, body.RunB!);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
        {
            return Problems.Conflict(id, existing.RuntimeStatus.ToString(), $"Comparison '{id}' is already {existing.RuntimeStatus}.");
        }

        if (existing is not null)
        {
            await client.PurgeInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var input = new CompareRunsRequest(id, body.RunA!, body.RunB!, options);
        await client.ScheduleNewOrchestrationInstanceAsync(
            CompareRunsOrchestrator.Name, input, new StartOrchestrationOptions { InstanceId = id }, cancellationToken).ConfigureAwait(false);
        var links = RunLinks.For(request, id);
        return TypedResults.Accepted(links.Status, new { comparisonId = id, status = "Started", links.Status });
    }

    /// <summary><c>compare-&lt;A&gt;-&lt;B&gt;</c> when it is a valid run id, else a stable hash of the pair, so status reads at /api/runs/{id}.</summary>
    public static string ComparisonId(string runA, string runB)
    {
        var readable = $"compare-{runA}-{runB}";
        return RunIds.IsValid(readable)
            ? readable
            : string.Create(CultureInfo.InvariantCulture, $"compare-{ShardKey.Fnv1a(runA + "\n" + runB):x8}");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Check(string field, string? runId) =>
        runId is null ? Problems.BadField(field, $"'{field}' is required: the id of a completed run.")
        : RunIds.IsValid(runId) ? null
        : Problems.BadField(field, $"'{field}' value '{runId}' is not a valid run id.");
}
