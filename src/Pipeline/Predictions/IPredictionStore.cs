using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// Where a run's state lives: page manifests (so orchestration history never carries tile lists), prediction rows
/// (idempotent writes, one row per tile ref), and the run ledger. Table Storage in Azure, a run folder locally.
/// </summary>
public interface IPredictionStore
{
    string Description { get; }

    /// <summary>Creates tables or folders the run needs; safe to call again.</summary>
    Task PrepareAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Stores a listed page split into batches of <paramref name="batchSize"/>; replaces an earlier manifest of that page.</summary>
    Task SavePageAsync(string runId, int page, IReadOnlyList<TileEntry> tiles, int batchSize, CancellationToken cancellationToken);

    /// <summary>One batch of a stored page manifest.</summary>
    /// <exception cref="InvalidOperationException">The page or batch was never stored.</exception>
    Task<IReadOnlyList<TileEntry>> LoadBatchAsync(string runId, int page, int batch, CancellationToken cancellationToken);

    /// <summary>Rows already stored for the batch's tiles (by ref), for resume; tiles never scored are absent.</summary>
    Task<IReadOnlyDictionary<string, PredictionRow>> FindExistingAsync(
        string runId, int page, int batch, IReadOnlyList<TileEntry> tiles, CancellationToken cancellationToken);

    /// <summary>Writes the batch's rows (all of them, reused ones included); writing the same rows again changes nothing.</summary>
    Task WriteBatchAsync(string runId, int page, int batch, IReadOnlyList<PredictionRow> rows, CancellationToken cancellationToken);

    /// <summary>Every stored row of the run once, for exports and reports.</summary>
    IAsyncEnumerable<PredictionRow> ReadRunAsync(string runId, int pages, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken);

    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>The local run folder where CSVs, summary.json and the report belong; null for remote stores.</summary>
    string? RunFolder(string runId);
}
