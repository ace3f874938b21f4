using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Change;

/// <summary>
/// A comparison over run folders: resolve both runs, open them as streams (<see cref="RunFolder.Open"/>), detect change,
/// write compare.html and candidates.csv.
/// Pipeline's comparison writer adds what needs the tiles themselves (candidates.geojson, the review thumbnails).
/// </summary>
public static class ComparisonRunner
{
    /// <summary>Resolves and opens both runs of a request (summaries read, tiles streamed later), and where its outputs go.</summary>
    public static (StreamedRun A, StreamedRun B, string OutDir) Load(ComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = RunFolder.Open(RunLocator.Resolve(request.RunA, request.RunsDir));
        var b = RunFolder.Open(RunLocator.Resolve(request.RunB, request.RunsDir));
        return (a, b, request.OutDir ?? DefaultOutDir(a, b));
    }

    /// <summary>Compares two runs and writes the report (review sheet as text) into <paramref name="outDir"/>.</summary>
    public static async Task<ComparisonOutcome> RunAsync(StreamedRun a, StreamedRun b, ChangeOptions options, string outDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = await ChangeDetector.DetectAsync(a.RunId, a.Tiles, b.RunId, b.Tiles, options, cancellationToken).ConfigureAwait(false);
        return new ComparisonOutcome(result, ComparisonReportWriter.Write(result, outDir));
    }

    /// <summary>A comparison lives with the later run: <c>&lt;run B folder&gt;/compare-&lt;run A id&gt;</c>.</summary>
    public static string DefaultOutDir(StreamedRun a, StreamedRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var name = string.Concat(("compare-" + a.RunId).Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
        return Path.Combine(b.Directory, name);
    }
}
