namespace LandUse.Pipeline.Predictions;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// The run ledger entry (a row of the <c>runs</c> table, or <c>run.json</c> in a run folder): status, totals,
/// model version, timings and, once finished, the summary JSON. Scored + Failed = Listed when completed;
/// Skipped counts the tiles of those that were reused from an earlier attempt.
/// </summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    public RunStatus Status { get; init; }

    public string? Source { get; init; }

    public string? ModelVersion { get; init; }

    public long Listed { get; init; }

    public long Scored { get; init; }

    public long Failed { get; init; }

    public long Skipped { get; init; }

    public long Resized { get; init; }

    public int Pages { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? Seconds { get; init; }

    public double? TilesPerSecond { get; init; }

    /// <summary>The request that started the run, as JSON (no secrets: connections are names).</summary>
    public string? RequestJson { get; init; }

    /// <summary>The run summary (analysis's summary.json) once completed.</summary>
    public string? SummaryJson { get; init; }

    public string? Error { get; init; }
}
