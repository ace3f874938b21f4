using LandUse.Functions.Configuration;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Runs;
using LandUse.Scoring.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace LandUse.Functions.Api;

public sealed partial class RunsApi
{
    /// <summary>
    /// <c>POST /api/runs</c>: validates the body (400 naming the field; a model the registry lacks is a 400 naming it), then
    /// <see cref="RunControl.StartAsync"/>: 409 for an id that is still active or whose lease another live holder has (a
    /// <c>landuse run</c> on the same tables), a finished id resumes; 202 with the status URLs. Storage that cannot work
    /// is one line.
    /// </summary>
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        RunStart start;
        try
        {
            start = await control.StartAsync(client, run!, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelRegistryException ex)
        {
            return Problems.BadField("model", ex.Message);
        }
        catch (StorageAccessException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            return Problems.BadField("container", ex.Message);
        }
        catch (StorageAccessException ex)
        {
            return Problems.Storage(ex.Message);
        }

        if (start.Outcome == StartOutcome.AlreadyActive)
        {
            return Problems.Conflict(start.RunId, start.ActiveStatus!, $"Run '{start.RunId}' is already {start.ActiveStatus}; cancel it or wait for it to finish.");
        }

        if (start.Outcome == StartOutcome.Leased)
        {
            return Problems.Conflict(start.RunId, start.ActiveStatus!, $"Run '{start.RunId}' is already running: held by {start.Holder!.Describe()}; wait for it to finish or stop it there.");
        }

        var links = RunLinks.For(request, start.RunId);
        return TypedResults.Accepted(links.Status, new StartRunResponse(start.RunId, start.Outcome.ToString(), links));
    }

    private (RunRequest? Run, IResult? Problem) ToRunRequest(StartRunBody body)
    {
        var container = body.Container ?? targets.Options.TilesContainer;
        if (!ContainerNames.IsValid(container))
        {
            return (null, Problems.BadField("container", $"'{container}' is not a valid blob container name (3-63 lowercase letters, digits, single hyphens)."));
        }

        var prefix = body.Prefix ?? "";
        if (BlobPrefixes.Problem(prefix) is { } bad)
        {
            return (null, Problems.BadField("prefix", bad));
        }

        if (body.Model is { } model && !ModelReference.TryParse(model, out _, out var badModel))
        {
            return (null, Problems.BadField("model", badModel));
        }

        var runId = body.RunId ?? RunIds.Default($"{container}/{prefix}", time.GetUtcNow());
        RunRequest defaults;
        try
        {
            defaults = targets.Run(runId, targets.Tiles(container, prefix), body.Model);
        }
        catch (ArgumentException ex) when (ex.ParamName == "model")
        {
            return (null, Problems.BadField("model", Message(ex)));
        }

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
}

/// <summary>What <c>POST /api/runs</c> answers with 202: the run id and where to follow it.</summary>
public sealed record StartRunResponse(string RunId, string Status, RunLinks Links);
