using LandUse.Functions.Configuration;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary>
    /// <c>POST /api/runs</c>: validates the body (400 naming the field), refuses a run id that is still active (409),
    /// clears the history of a finished attempt of the same id (its rows stay, so the run resumes), and starts ScoreRun
    /// with the run id as instance id; 202 with the status URLs.
    /// </summary>
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (body, problem) = await RequestBody.ReadAsync<StartRunBody>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (run, invalid) = ToRunRequest(body!);
        if (invalid is not null)
        {
            return invalid;
        }

        var existing = await client.GetInstanceAsync(run!.RunId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (IsActive(existing))
        {
            return Problems.Conflict(run.RunId, existing!.RuntimeStatus.ToString(), $"Run '{run.RunId}' is already {existing.RuntimeStatus}; cancel it or wait for it to finish.");
        }

        if (existing is not null)
        {
            await RunInstances.PurgeAsync(client, run.RunId, cancellationToken).ConfigureAwait(false);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.ScoreRun, run, new StartOrchestrationOptions { InstanceId = run.RunId }, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, run.RunId, run.Source.DisplayName, existing is not null);
        var links = RunLinks.For(request, run.RunId);
        return TypedResults.Accepted(links.Status, new StartRunResponse(run.RunId, existing is null ? "Started" : "Restarted", links));
    }

    private (RunRequest? Run, IResult? Problem) ToRunRequest(StartRunBody body)
    {
        var options = storage.Options;
        var container = body.Container ?? options.TilesContainer;
        if (!ContainerNames.IsValid(container))
        {
            return (null, Problems.BadField("container", $"'{container}' is not a valid blob container name (3-63 lowercase letters, digits, single hyphens)."));
        }

        var prefix = body.Prefix ?? "";
        if (prefix.StartsWith('/') || prefix.Contains('\\', StringComparison.Ordinal) || prefix.Split('/').Contains(".."))
        {
            return (null, Problems.BadField("prefix", $"Prefix '{prefix}' must be a relative blob name prefix: no leading '/', no '\\', no '..'."));
        }

        var runId = body.RunId ?? RunIds.Default($"{container}/{prefix}", time.GetUtcNow());
        var defaults = new RunRequest { RunId = runId, Source = storage.Tiles(container, prefix), ModelBundle = storage.ModelBundle, Output = storage.Predictions() };
        var run = defaults with
        {
            BatchSize = body.BatchSize ?? defaults.BatchSize,
            MaxParallelBatches = body.MaxParallelBatches ?? defaults.MaxParallelBatches,
            PageSize = body.PageSize ?? defaults.PageSize,
            MaxParallelPages = body.MaxParallelPages ?? defaults.MaxParallelPages,
            Truth = body.Truth ?? defaults.Truth,
        };
        try
        {
            return (run.Validate(), null);
        }
        catch (ArgumentException ex)
        {
            var field = JsonNaming(ex.ParamName ?? "body");
            return (null, Problems.BadField(field, Message(ex)));
        }
    }

    private static string JsonNaming(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // ArgumentException appends " (Parameter 'x')" and, for out-of-range values, "Actual value was n." on a new line.
    private static string Message(ArgumentException ex)
    {
        var text = ex.Message;
        var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text.Split('\n')[0];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started on {Source} (restart: {Restart})")]
    private static partial void LogStarted(ILogger logger, string runId, string source, bool restart);
}

/// <summary>What <c>POST /api/runs</c> answers with 202: the run id and where to follow it.</summary>
public sealed record StartRunResponse(string RunId, string Status, RunLinks Links);
