using LandUse.Pipeline.Stores;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// Scores in this process with one shared <see cref="OnnxTileScorer"/> for the bundle. Tiles of concurrent batches
/// are read in parallel into pooled buffers; the batches share the scorer's lanes
/// (<see cref="Scoring.Hosting.CoreBudget"/>), so one batch decodes while another runs the model, on no more threads
/// than the machine has cores.
/// </summary>
public sealed class InProcessScoringBackend : IScoringBackend, IDisposable
{
    private readonly Lazy<OnnxTileScorer> _scorer;
    private readonly ILogger _log;

    public InProcessScoringBackend(string bundleFolder, ScoringOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundleFolder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _log = loggerFactory.CreateLogger<InProcessScoringBackend>();
        _scorer = new Lazy<OnnxTileScorer>(
            () => new OnnxTileScorer(ModelBundle.Load(bundleFolder), options, loggerFactory.CreateLogger<OnnxTileScorer>()),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ValueTask<string> GetModelVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_scorer.Value.ModelVersion);

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
                scored = await _scorer.Value.ScoreConcurrentAsync(inputs, cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        if (_scorer.IsValueCreated)
        {
            _scorer.Value.Dispose();
        }
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
