using LandUse.Analysis.Review;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// The CompareRuns activity: opens both runs from their store and ledger (rows streamed, not loaded), lets <see cref="ComparisonWriter"/> detect change
/// and write its report, candidates.geojson and review thumbnails (tiles from the sources the runs' requests name) into a
/// scratch folder, then stores the files under <c>compare/&lt;id&gt;/</c> of the results target through an artifact sink.
/// </summary>
[DurableTask(ActivityNames.CompareRuns)]
public sealed partial class CompareRunsActivity(
    PredictionStoreFactory predictionStores, RunLedgers ledgers, ArtifactSinks sinks, TileStoreFactory tileStores, ILogger<CompareRunsActivity> logger)
    : TaskActivity<CompareRunsRequest, CompareRunsResult>
{
    public override Task<CompareRunsResult> RunAsync(TaskActivityContext context, CompareRunsRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<CompareRunsResult> ExecuteAsync(CompareRunsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = predictionStores.Open(request.Store);
        var ledger = ledgers.Open(request.Store);
        var a = await StoredRunLoader.OpenAsync(store, ledger, request.RunA, cancellationToken).ConfigureAwait(false);
        var b = await StoredRunLoader.OpenAsync(store, ledger, request.RunB, cancellationToken).ConfigureAwait(false);
        var sources = ComparisonSources.Open(
            tileStores,
            (request.RunA, (await ledger.GetAsync(request.RunA, cancellationToken).ConfigureAwait(false))?.Request?.Source),
            (request.RunB, (await ledger.GetAsync(request.RunB, cancellationToken).ConfigureAwait(false))?.Request?.Source));
        var scratch = Directory.CreateTempSubdirectory("landuse-compare-");
        try
        {
            var outcome = await ComparisonWriter.WriteAsync(a, b, request.Options, scratch.FullName, sources, ReviewOptions.Default, cancellationToken).ConfigureAwait(false);
            var sink = sinks.Open(request.Results, $"compare/{request.ComparisonId}");
            var written = new List<string>();
            foreach (var file in Directory.EnumerateFiles(scratch.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(scratch.FullName, file).Replace('\\', '/');
                await sink.WriteAsync(name, async stream =>
                {
                    var source = File.OpenRead(file);
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
                written.Add(sink.LocationOf(name));
            }

            LogCompared(logger, request.RunA, request.RunB, outcome.Summary.CandidateCount, written.Count);
            return new CompareRunsResult(request.ComparisonId, outcome.Summary, written);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compared {RunA} with {RunB}: {Candidates} change candidates, {Files} files written")]
    private static partial void LogCompared(ILogger logger, string runA, string runB, long candidates, int files);
}
