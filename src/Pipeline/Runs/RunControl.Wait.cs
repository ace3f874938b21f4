using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using Microsoft.DurableTask.Client;

namespace LandUse.Pipeline.Runs;

public sealed partial class RunControl
{
    /// <summary>How often a waiting host records the live progress in the ledger, for status readers in other processes.</summary>
    public static readonly TimeSpan ProgressRecordInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits for a ScoreRun instance to end, reporting live progress as it goes and recording it in the ledger of
    /// <paramref name="ledgerTarget"/> (when given) every <see cref="ProgressRecordInterval"/>. When
    /// <paramref name="stopRequested"/> fires the run is asked to stop gracefully and the wait goes on until it has;
    /// <paramref name="cancellationToken"/> abandons the wait at once. Returns the outcome (Completed or Cancelled).
    /// </summary>
    /// <exception cref="RunFailedException">The orchestration failed or was terminated; the message is the innermost failure.</exception>
    public async Task<RunOutcome> WaitAsync(
        DurableTaskClient client,
        string instanceId,
        PredictionTarget? ledgerTarget,
        IProgress<RunProgress>? progress,
        TimeSpan pollInterval,
        CancellationToken stopRequested,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ledger = ledgerTarget is null ? null : ledgers.Open(ledgerTarget);
        var recorded = DateTimeOffset.MinValue;
        var stopSent = false;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopRequested);
        while (true)
        {
            if (stopRequested.IsCancellationRequested && !stopSent)
            {
                stopSent = true;
                await StopAsync(client, instanceId, $"Stopped on request at {time.GetUtcNow():O}.", cancellationToken).ConfigureAwait(false);
            }

            var (instance, live) = await RunProgressReader.ReadAsync(client, instanceId, time, cancellationToken).ConfigureAwait(false);
            if (live is not null)
            {
                progress?.Report(stopSent && RunInstances.IsActive(instance) ? live with { Phase = "Stopping" } : live);
                if (ledger is not null && RunInstances.IsActive(instance) && time.GetUtcNow() - recorded >= ProgressRecordInterval)
                {
                    recorded = time.GetUtcNow();
                    await ledger.SaveProgressAsync(instanceId, live, cancellationToken).ConfigureAwait(false);
                }
            }

            switch (instance?.RuntimeStatus)
            {
                case OrchestrationRuntimeStatus.Completed:
                    return instance.ReadOutputAs<RunOutcome>()
                        ?? throw new InvalidOperationException($"Run instance {instanceId} completed without an outcome.");
                case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                    var reason = instance.FailureDetails is { } failure ? RetryPolicies.Innermost(failure) : instance.RuntimeStatus.ToString();
                    throw new RunFailedException(instanceId, reason);
                case null:
                    throw new InvalidOperationException($"Run instance {instanceId} does not exist.");
                default:
                    try
                    {
                        await Task.Delay(pollInterval, stopSent ? cancellationToken : wake.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The stop request woke us: send it at the top of the loop.
                    }

                    break;
            }
        }
    }
}
