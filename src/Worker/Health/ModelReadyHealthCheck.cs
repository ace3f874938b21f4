using LandUse.Worker.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LandUse.Worker.Health;

/// <summary><c>/readyz</c>: healthy only once the model is loaded and a warm-up batch went through.</summary>
internal sealed class ModelReadyHealthCheck(ModelHost model) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.Status switch
        {
            ModelStatus.Ready => HealthCheckResult.Healthy($"Model {model.Scorer?.ModelVersion} on {model.Scorer?.ActiveProvider}."),
            ModelStatus.Failed => HealthCheckResult.Unhealthy($"Not ready: {model.FailureReason}"),
            _ => HealthCheckResult.Unhealthy("The model is loading."),
        });
}
