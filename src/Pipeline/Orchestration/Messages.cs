using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Ledger;

namespace LandUse.Pipeline.Orchestration;

/// <summary>StartRun input: the request and the orchestration's (deterministic) start time.</summary>
public sealed record StartRunRequest(RunRequest Run, DateTime StartedAt);

/// <summary>StartRun output: the model version every prediction of this run carries.</summary>
public sealed record RunStarted(string ModelVersion);

/// <summary>ListPage input: which page to list and the listing's continuation token (null for the first page).</summary>
public sealed record ListPageRequest(RunRequest Run, int Page, string? ContinuationToken);

/// <summary>
/// ListPage output, a handle instead of the tiles: the manifest itself is in the prediction store, so history
/// holds a few numbers per page whatever the page size.
/// </summary>
public sealed record PageListing(int Page, int Tiles, int Batches, string? ContinuationToken);

/// <summary>ScorePage input: the page handle to fan out over.</summary>
public sealed record PageRequest(RunRequest Run, string ModelVersion, int Page, int Batches);

/// <summary>ScoreBatch input: a page and batch index, never the tile list (the activity loads it from the manifest).</summary>
public sealed record BatchRequest(RunRequest Run, string ModelVersion, int Page, int Batch);

/// <summary>Summarize input: the merged counts of all pages and the run's timings.</summary>
public sealed record SummarizeRequest(
    RunRequest Run, string ModelVersion, int Pages, long Listed, TileCounts Totals, DateTime StartedAt, DateTime FinishedAt);

/// <summary>
/// FailRun input: why the orchestration gave up (listing or storage failed after retries), or that it was stopped on
/// request (<see cref="Cancelled"/>), with the counts of the batches that did finish.
/// </summary>
public sealed record FailRunRequest(RunRequest Run, string Error, DateTime FailedAt, bool Cancelled = false, TileCounts? Counts = null, long Listed = 0, int Pages = 0);

/// <summary>
/// A run's output: exact counts (Scored + Failed = Listed when completed; Skipped of those were reused from an earlier
/// attempt), throughput, where the artifacts went (the local run folder when they are files), and whether it completed
/// or was stopped on request.
/// </summary>
public sealed record RunOutcome(
    string RunId,
    string ModelVersion,
    long Listed,
    long Scored,
    long Failed,
    long Skipped,
    long Resized,
    int Pages,
    double Seconds,
    double TilesPerSecond,
    string? RunFolder,
    string? ArtifactsAt = null,
    RunStatus Status = RunStatus.Completed);

/// <summary>
/// What one generation of a ScoreRun hands the next when it continues as new: the model version, the run's start,
/// its merged counts, how many tiles and pages were listed, the listing continuation and the progress shown so far.
/// A few hundred bytes, whatever the run's size.
/// </summary>
public sealed record RunCarry(
    string ModelVersion, DateTime StartedAt, TileCounts Totals, long Listed, int Pages, string ContinuationToken, int Generation, RunProgress Progress);
