using LandUse.Pipeline.Orchestration;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// The run ledger, apart from prediction rows: one record per run (status, counts, request, summary) and its live
/// progress while it runs, readable by any process. Table Storage (<c>runs</c>) in Azure, the run folder locally.
/// </summary>
public interface IRunLedger
{
    string Description { get; }

    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken);

    Task SaveAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Every run the ledger knows, in run id order.</summary>
    IAsyncEnumerable<RunRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>The progress last recorded while the run ran, or null.</summary>
    Task<RunProgress?> GetProgressAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records live progress (a separate entry, so it never overwrites the record a step wrote).</summary>
    Task SaveProgressAsync(string runId, RunProgress progress, CancellationToken cancellationToken);

    /// <summary>Deletes the record and its progress; false when there was none.</summary>
    Task<bool> DeleteAsync(string runId, CancellationToken cancellationToken);
}
