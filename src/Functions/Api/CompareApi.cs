using LandUse.Analysis.Change;
using LandUse.Functions.Configuration;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

/// <summary>
/// <c>POST /api/compare</c> as HTTP mapping: checks the body, then <see cref="RunControl.StartCompareAsync"/> over two
/// completed runs of this app; the comparison's status and result read at <c>GET /api/runs/{comparisonId}</c>.
/// </summary>
public sealed class CompareApi(AppTargets targets, RunControl control)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        var start = await control.StartCompareAsync(client, body.RunA!, body.RunB!, options, targets.Predictions(), targets.Results(), cancellationToken)
            .ConfigureAwait(false);
        switch (start.Outcome)
        {
            case CompareOutcome.RunNotFound:
                return Problems.NotFound(start.Subject!);
            case CompareOutcome.RunNotCompleted:
                return Problems.Conflict(start.Subject!, start.Status!, $"Run '{start.Subject}' is {start.Status}; only completed runs can be compared.");
            case CompareOutcome.AlreadyActive:
                return Problems.Conflict(start.ComparisonId, start.Status!, $"Comparison '{start.ComparisonId}' is already {start.Status}.");
            default:
                var links = RunLinks.For(request, start.ComparisonId);
                return TypedResults.Accepted(links.Status, new { comparisonId = start.ComparisonId, status = "Started", links.Status });
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Check(string field, string? runId) =>
        runId is null ? Problems.BadField(field, $"'{field}' is required: the id of a completed run.")
        : RunIds.IsValid(runId) ? null
        : Problems.BadField(field, $"'{field}' value '{runId}' is not a valid run id.");
}
