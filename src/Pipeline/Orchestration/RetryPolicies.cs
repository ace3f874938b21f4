using LandUse.Pipeline.Connections;
using LandUse.Scoring.Registry;
using Microsoft.DurableTask;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// Activity retries: storage hiccups and worker restarts are retried with backoff (activities are idempotent); a storage
/// failure that no retry can fix (<see cref="StorageAccessException"/>), a model that is missing or corrupt
/// (<see cref="ModelRegistryException"/>), or a run whose lease passed to another holder
/// (<see cref="Ledger.Leases.RunLeaseLostException"/>) fails at once with its one-line message.
/// </summary>
public static class RetryPolicies
{
    public static TaskOptions Activity { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = IsRetriable,
    });

    /// <summary>False for failures caused by a <see cref="StorageAccessException"/>, a <see cref="ModelRegistryException"/> or a lost lease anywhere in the chain.</summary>
    public static bool IsRetriable(TaskFailureDetails failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (string.Equals(f.ErrorType, typeof(StorageAccessException).FullName, StringComparison.Ordinal)
                || string.Equals(f.ErrorType, typeof(ModelRegistryException).FullName, StringComparison.Ordinal)
                || string.Equals(f.ErrorType, typeof(Ledger.Leases.RunLeaseLostException).FullName, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The innermost failure's message: what actually went wrong, without the "Task 'X' failed" wrappers.</summary>
    public static string Innermost(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var f = failure;
        while (f.InnerFailure is not null)
        {
            f = f.InnerFailure;
        }

        return f.ErrorMessage;
    }
}
