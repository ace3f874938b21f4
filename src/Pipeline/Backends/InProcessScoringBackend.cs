using LandUse.Pipeline.Stores;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// Scores in this process with the model's shared <see cref="ModelSession"/> (held for each batch, so the LRU never
/// unloads it mid-batch). Tiles of concurrent batches are read in parallel into pooled buffers; the batches share the
/// scorer's lanes (<see cref="Scoring.Hosting.CoreBudget"/>), so one batch decodes while another runs the model, on no
/// more threads than the machine has cores.
/// </summary>
public sealed class InProcessScoringBackend(Func<CancellationToken, Task<ModelLease<ModelSession>>> acquire, ILoggerFactory loggerFactory) : IScoringBackend
{
    private readonly ILogger _log = loggerFactory.CreateLogger<InProcessScoringBackend>();

    /// <summary>The model's <c>&lt;name&gt;/&lt;version&gt;</c>, loading it (and, from the registry, downloading and verifying it) first.</summary>
    public async ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken)
    {
        using var lease = await acquire(cancellationToken).ConfigureAwait(false);
        return lease.Model.Id;
    }

    public async Task<IReadOnlyList<TilePrediction>> ScoreAsync(ITileStore store, IReadOnlyList<string> tileRefs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tileRefs);
        var reads = await Task.WhenAll(tileRefs.Select(r => ReadAsync(store, r, cancellationToken))).ConfigureAwait(false);
        var inputs = reads.Where(r => r.Input is not null).Select(r => r.Input!).ToArray();
        IReadOnlyList<TilePrediction> scored = [];
        try
        {
            if (inputs.Length > 0)
            {
                using var lease = await acquire(cancellationToken).ConfigureAwait(false);
                scored = await lease.Model.ScoreAsync(inputs, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Normally each buffer went back as its tile was decoded; this covers a batch that never got that far.
            foreach (var input in inputs)
            {
                input.Release();
            }
        }

        var byRef = new Dictionary<string, TilePrediction>(StringComparer.Ordinal);
        foreach (var prediction in scored)
        {
            byRef[prediction.Ref] = prediction;
        }

        return reads
            .Select(r => r.Failure ?? (byRef.TryGetValue(r.Ref, out var p) ? p : TilePrediction.Failed(r.Ref, "The scorer returned no prediction for this tile.")))
            .ToArray();
    }

    private async Task<(string Ref, TileInput? Input, TilePrediction? Failure)> ReadAsync(ITileStore store, string tileRef, CancellationToken cancellationToken)
    {
        try
        {
            var content = await store.ReadPooledAsync(tileRef, cancellationToken).ConfigureAwait(false);
            return (tileRef, new TileInput(tileRef, content.Bytes) { Lease = content.Lease }, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or Azure.RequestFailedException)
        {
            PipelineLog.TileReadFailed(_log, tileRef, e.Message);
            return (tileRef, null, TilePrediction.Failed(tileRef, "read failed: " + e.Message));
        }
    }
}
