namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>
/// The lease that lets one process (or orchestration) at a time drive a run id: taken atomically, renewed by its
/// holder, released at the end, and taken over only when the holder is found stale. A lock file with an OS lock around
/// each change locally; conditional (ETag) writes of a lease row in the <c>runs</c> table for Table runs.
/// </summary>
public interface IRunLeases
{
    /// <summary>The current holder, or null.</summary>
    Task<RunLeaseHolder?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease for <paramref name="candidate"/> unless a holder that <paramref name="isStale"/> does not call
    /// stale has it; atomic against other callers in any process.
    /// </summary>
    Task<LeaseAttempt> TryAcquireAsync(string runId, RunLeaseHolder candidate, Func<RunLeaseHolder, ValueTask<bool>> isStale, CancellationToken cancellationToken);

    /// <summary>Moves the expiry of the lease <paramref name="owner"/> holds; false when it no longer holds it.</summary>
    Task<bool> RenewAsync(string runId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="owner"/> holds it; false when it did not.</summary>
    Task<bool> ReleaseAsync(string runId, string owner, CancellationToken cancellationToken);
}

/// <summary>How an acquisition ended: taken (perhaps over a stale holder, named in <see cref="Previous"/>) or refused by <see cref="Holder"/>.</summary>
public sealed record LeaseAttempt(bool Acquired, RunLeaseHolder? Holder, RunLeaseHolder? Previous = null)
{
    public static LeaseAttempt Taken(RunLeaseHolder holder, RunLeaseHolder? previous) => new(true, holder, previous);

    public static LeaseAttempt Refused(RunLeaseHolder holder) => new(false, holder);
}
