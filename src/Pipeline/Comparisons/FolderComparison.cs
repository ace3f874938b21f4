using System.Text.Json;
using LandUse.Analysis.Change;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// A comparison of two run folders (<c>landuse compare</c>, the demo): opens them as streams, finds each run's tile source in its
/// ledger entry (<c>run.json</c>), and writes every output through <see cref="ComparisonWriter"/>.
/// </summary>
public static class FolderComparison
{
    public static async Task<ComparisonOutcome> RunAsync(ComparisonRequest request, TileStoreFactory stores, ReviewOptions review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (a, b, outDir) = ComparisonRunner.Load(request);
        var sources = ComparisonSources.Open(stores, (a.RunId, SourceOf(a.Directory)), (b.RunId, SourceOf(b.Directory)));
        return await ComparisonWriter.WriteAsync(a, b, request.Options ?? ChangeOptions.Default, outDir, sources, review, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tile source recorded in a run folder's run.json, or null when it has none (a folder copied or written by hand).</summary>
    public static TileSourceSpec? SourceOf(string runFolder)
    {
        var ledger = Path.Combine(runFolder, RunFiles.Ledger);
        if (!File.Exists(ledger))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(ledger), PipelineJson.Options)?.Request?.Source;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
