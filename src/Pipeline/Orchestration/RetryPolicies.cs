using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>Activity retries: storage hiccups and worker restarts are retried with backoff; activities are idempotent.</summary>
public static class RetryPolicies
{
    public static TaskOptions Activity { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30)));
}
