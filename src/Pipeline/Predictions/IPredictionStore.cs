using LandUse.Pipeline.Stores;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// Where a run's rows live: page manifests (so orchestration history never carries tile lists) and prediction rows
/// (idempotent writes, one row per tile ref). Table Storage in Azure, a run folder locally. The ledger is apart
/// (<see cref="Ledger.IRunLedger"/>), and so are the artifacts (<see cref="Artifacts.IArtifactSink"/>).
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

    /// <summary>Deletes every prediction row and page manifest of the run; what was removed.</summary>
    Task<DeletedRows> DeleteRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The local run folder of a file store; null for remote stores.</summary>
    string? RunFolder(string runId);
}

/// <summary>What deleting a run's stored rows removed.</summary>
public sealed record DeletedRows(long Predictions, long Pages);
