using System.Text.Json;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Runs;

/// <summary>How a start request ended.</summary>
public enum StartOutcome
{
    Started,

    /// <summary>The id had finished (or failed, or was cancelled): its history was cleared and it resumes.</summary>
    Restarted,

    /// <summary>The id is still pending, running or suspended: nothing was started.</summary>
    AlreadyActive,

    /// <summary>Another live process or orchestration holds the id's lease (<see cref="RunStart.Holder"/>): nothing was started.</summary>
    Leased,
}

/// <summary>
/// What <see cref="RunControl.StartAsync"/> did; <see cref="ActiveStatus"/> is set when it refused, <see cref="Holder"/>
/// is the lease's holder (the one that refused it, or the caller's once started), <see cref="Run"/> the request as started.
/// </summary>
public sealed record RunStart(string RunId, StartOutcome Outcome, string? ActiveStatus = null)
{
    public Ledger.Leases.RunLeaseHolder? Holder { get; init; }

    public Orchestration.RunRequest? Run { get; init; }
}

/// <summary>
/// A run as status readers see it: its status (orchestration, else ledger), live progress (orchestration, else the
/// ledger's progress entry), the ledger record, the output of a completed instance (a comparison's result), the error,
/// and where each artifact is.
/// </summary>
public sealed record RunView(
    string RunId,
    string Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    RunProgress? Progress,
    RunRecord? Ledger,
    JsonElement? Output,
    string? Error,
    IReadOnlyDictionary<string, string> Artifacts);

/// <summary>A run's summary, or its status when it has none yet; both null when the run is unknown.</summary>
public sealed record SummaryRead(Analysis.Summaries.RunSummary? Summary, string? Status);

/// <summary>How a cancel request ended.</summary>
public enum CancelOutcome
{
    NotFound,
    NotActive,
    Cancelled,
}

/// <summary>What <see cref="RunControl.CancelAsync"/> did; <see cref="Status"/> is the instance's status when it was not active.</summary>
public sealed record RunCancel(CancelOutcome Outcome, string? Status = null);

/// <summary>
/// What <see cref="RunControl.PurgeAsync"/> removed; <see cref="ActiveStatus"/> is set (and nothing removed) while the run
/// is active, <see cref="Found"/> is false when there was nothing at all. Row counts are null when predictions were kept.
/// </summary>
public sealed record RunPurge(bool Found, string? ActiveStatus, int PurgedInstances, DeletedRows? Deleted = null, bool? DeletedLedger = null, int? DeletedArtifacts = null);

/// <summary>How a comparison start ended.</summary>
public enum CompareOutcome
{
    Started,
    RunNotFound,
    RunNotCompleted,
    AlreadyActive,
}

/// <summary>What <see cref="RunControl.StartCompareAsync"/> did: the comparison id, or which run (or comparison) was in the way and its status.</summary>
public sealed record CompareStart(string ComparisonId, CompareOutcome Outcome, string? Subject = null, string? Status = null);
