using System.Diagnostics;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>What holds a run id's lease: a process that drives the run and renews it, or a Durable orchestration.</summary>
public enum RunLeaseKind
{
    /// <summary>A <c>landuse run</c> process: renews the lease while it runs; stale when it expired or its pid is gone.</summary>
    Process,

    /// <summary>An orchestration in a task hub (the Functions app): stale when that hub no longer has the instance active.</summary>
    Orchestration,
}

/// <summary>
/// Who holds a run id (the content of <c>run.lock</c>, or of the lease row in the <c>runs</c> table): a unique owner
/// token, the host, pid and process start time, when it was taken and until when it holds unless renewed.
/// </summary>
public sealed record RunLeaseHolder
{
    public required string Owner { get; init; }

    public RunLeaseKind Kind { get; init; }

    public required string Host { get; init; }

    public int ProcessId { get; init; }

    /// <summary>The holder process's start time, so a reused pid is not mistaken for the holder.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }

    /// <summary>The task hub of an <see cref="RunLeaseKind.Orchestration"/> holder.</summary>
    public string? TaskHub { get; init; }

    public DateTimeOffset AcquiredAt { get; init; }

    /// <summary>When a <see cref="RunLeaseKind.Process"/> lease lapses unless renewed; null never (orchestration leases).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>This process as a holder whose lease lasts <paramref name="duration"/> from <paramref name="now"/> unless renewed.</summary>
    public static RunLeaseHolder ThisProcess(DateTimeOffset now, TimeSpan duration)
    {
        using var self = Process.GetCurrentProcess();
        return new RunLeaseHolder
        {
            Owner = Guid.NewGuid().ToString("N"),
            Kind = RunLeaseKind.Process,
            Host = Environment.MachineName,
            ProcessId = Environment.ProcessId,
            ProcessStartedAt = new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero),
            AcquiredAt = now,
            ExpiresAt = now + duration,
        };
    }

    /// <summary>An orchestration of <paramref name="taskHub"/> as the holder, for the life of its instance.</summary>
    public static RunLeaseHolder ForOrchestration(string taskHub, DateTimeOffset now) => new()
    {
        Owner = Guid.NewGuid().ToString("N"),
        Kind = RunLeaseKind.Orchestration,
        Host = Environment.MachineName,
        ProcessId = Environment.ProcessId,
        TaskHub = taskHub,
        AcquiredAt = now,
    };

    /// <summary>
    /// Stale by itself: its time ran out, or it is a process on this host that is no longer alive (or whose pid now
    /// belongs to a younger process). Orchestration leases are judged by their task hub (see the run control).
    /// </summary>
    public bool IsStale(DateTimeOffset now) =>
        (ExpiresAt is { } expires && expires < now)
        || (Kind == RunLeaseKind.Process && string.Equals(Host, Environment.MachineName, StringComparison.Ordinal) && !ProcessLiveness.IsAlive(ProcessId, ProcessStartedAt));

    /// <summary>The holder as messages and logs name it (<see cref="Describe"/>).</summary>
    public override string ToString() => Describe();

    /// <summary>One line for messages: who holds it, since when.</summary>
    public string Describe() => Kind == RunLeaseKind.Process
        ? $"landuse process {ProcessId} on host {Host} since {AcquiredAt:yyyy-MM-dd HH:mm:ss}Z"
        : $"an orchestration of task hub '{TaskHub}' (started from host {Host}) since {AcquiredAt:yyyy-MM-dd HH:mm:ss}Z";
}
