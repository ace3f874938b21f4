using LandUse.Worker.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LandUse.Worker.Health;

/// <summary>
/// <c>/readyz</c>: healthy once the worker's own model (if it has one) is loaded and a warm-up batch went through; a
/// worker that serves registry models only is ready at once and loads them on request.
/// </summary>
internal sealed class ModelReadyHealthCheck(ModelHost model) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.Status switch
        {
            ModelStatus.Ready when model.Scorer is { } own => HealthCheckResult.Healthy($"Model {own.ModelVersion} on {own.ActiveProvider}."),
            ModelStatus.Ready => HealthCheckResult.Healthy("No model of its own; registry models load when a request names them."),
            ModelStatus.Failed => HealthCheckResult.Unhealthy($"Not ready: {model.FailureReason}"),
            _ => HealthCheckResult.Unhealthy("The model is loading."),
        });
}
