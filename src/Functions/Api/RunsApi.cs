using LandUse.Functions.Configuration;
using LandUse.Pipeline.Predictions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LandUse.Functions.Api;

/// <summary>
/// The <c>/api/runs</c> endpoints as plain methods over an <see cref="HttpRequest"/> and a <see cref="DurableTaskClient"/>,
/// so tests drive them with a real HTTP context and the in-process engine; the function methods only forward.
/// </summary>
public sealed partial class RunsApi(AppStorage storage, TimeProvider time, ILogger<RunsApi> logger)
{
    /// <summary>Statuses in which an orchestration still owns its run id.</summary>
    private static readonly OrchestrationRuntimeStatus[] Active =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
    ];

    private static bool IsActive(OrchestrationMetadata? instance) => instance is not null && Active.Contains(instance.RuntimeStatus);

    private static (string? RunId, IResult? Problem) CheckRunId(string? runId) =>
        RunIds.IsValid(runId)
            ? (runId, null)
            : (null, Problems.BadField("runId", $"Run id '{runId}' is not valid: use 1-{RunIds.MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit."));
}
