using LandUse.Pipeline.Orchestration;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>
/// Whether a run's step may still write: its ledger row says Running (not cancelled or deleted) and, for a run started
/// under a lease, its owner still holds the lease (a process that was taken over as stale never mixes its rows in).
/// </summary>
public static class RunWrites
{
    /// <summary>True while the run is Running in the ledger and its lease (if any) is still its own.</summary>
    public static async Task<bool> MayWriteAsync(RunLedgers ledgers, RunRequest run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(run);
        return await ledgers.Open(run.Output).GetAsync(run.RunId, cancellationToken).ConfigureAwait(false) is { Status: RunStatus.Running }
            && await HoldsLeaseAsync(ledgers, run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the run has no lease or its owner still holds it.</summary>
    public static async Task<bool> HoldsLeaseAsync(RunLedgers ledgers, RunRequest run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(run);
        return run.LeaseOwner is not { } owner
            || (await ledgers.Leases(run.Output).GetAsync(run.RunId, cancellationToken).ConfigureAwait(false))?.Owner == owner;
    }

    /// <summary>
    /// At the end of a run (completed or failed): gives up a lease held by the orchestration itself (the Functions app);
    /// a process that holds the lease releases it when its wait ends.
    /// </summary>
    public static async Task EndAsync(RunLedgers ledgers, RunRequest run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        ArgumentNullException.ThrowIfNull(run);
        if (run.LeaseOwner is not { } owner)
        {
            return;
        }

        var leases = ledgers.Leases(run.Output);
        if (await leases.GetAsync(run.RunId, cancellationToken).ConfigureAwait(false) is { Kind: RunLeaseKind.Orchestration } holder && holder.Owner == owner)
        {
            await leases.ReleaseAsync(run.RunId, owner, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The run's lease passed to another holder while this one ran (it was judged stale): nothing more is written.</summary>
public sealed class RunLeaseLostException : InvalidOperationException
{
    public RunLeaseLostException()
    {
    }

    public RunLeaseLostException(string message)
        : base(message)
    {
    }

    public RunLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static RunLeaseLostException For(string runId) =>
        new($"Run '{runId}' was taken over by another process while this one ran (its lease was judged stale); this process wrote nothing more.");
}

/// <summary>Another live process or orchestration holds the run id: the start was refused and nothing was written.</summary>
public sealed class RunLeasedException : InvalidOperationException
{
    public RunLeasedException()
    {
    }

    public RunLeasedException(string message)
        : base(message)
    {
    }

    public RunLeasedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunLeaseHolder? Holder { get; init; }

    public static RunLeasedException For(string runId, RunLeaseHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return new($"Run '{runId}' is already running: held by {holder.Describe()}. Wait for it to finish, stop it, or use another --run-id (a lease left by a killed process is taken over once it is found dead or expires).")
        {
            Holder = holder,
        };
    }
}
