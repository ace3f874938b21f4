using LandUse.Functions.Configuration;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Runs;
using Microsoft.AspNetCore.Http;

namespace LandUse.Functions.Api;

/// <summary>
/// The <c>/api/runs</c> endpoints as HTTP mapping only: parse and check the request, call the Pipeline's
/// <see cref="RunControl"/>, turn its answer into a response or a problem. Plain methods over an <see cref="HttpRequest"/>
/// and a Durable client, so tests drive them with a real HTTP context and the in-process engine.
/// </summary>
public sealed partial class RunsApi(AppTargets targets, RunControl control, TimeProvider time)
{
    private static (string? RunId, IResult? Problem) CheckRunId(string? runId) =>
        RunIds.IsValid(runId)
            ? (runId, null)
            : (null, Problems.BadField("runId", $"Run id '{runId}' is not valid: use 1-{RunIds.MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit."));
}
