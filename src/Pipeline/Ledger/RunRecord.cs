using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Orchestration;

namespace LandUse.Pipeline.Ledger;

/// <summary>Where a run stands in the ledger.</summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,

    /// <summary>Stopped on request (Ctrl+C, or cancel through the API); the same run id resumes it.</summary>
    Cancelled,
}

/// <summary>
/// The run ledger entry (a row of the <c>runs</c> table, or <c>run.json</c> in a run folder): status, counts (the one
/// <see cref="TileCounts"/> type), model version, timings, the request and, once completed, the summary as a JSON object.
/// Scored + Failed = Listed when completed; Skipped counts the tiles of those reused from an earlier attempt.
/// </summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    public RunStatus Status { get; init; }

    public string? Source { get; init; }

    public string? ModelVersion { get; init; }

    public long Listed { get; init; }

    public TileCounts Counts { get; init; } = TileCounts.Empty;

    public int Pages { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? Seconds { get; init; }

    public double? TilesPerSecond { get; init; }

    /// <summary>The request that started the run (no secrets: connections are names).</summary>
    public RunRequest? Request { get; init; }

    /// <summary>The run summary (the same as summary.json) once completed.</summary>
    public RunSummary? Summary { get; init; }

    /// <summary>Where the run's artifacts (summary.json, predictions.csv, report.html, ...) were written.</summary>
    public string? ArtifactsAt { get; init; }

    public string? Error { get; init; }

    public long Scored => Counts.Scored;

    public long Failed => Counts.Failed;

    public long Skipped => Counts.Skipped;

    public long Resized => Counts.Resized;

    public bool IsFinished => Status is not RunStatus.Running;
}
