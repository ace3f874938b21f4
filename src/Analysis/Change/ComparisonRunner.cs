using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Change;

/// <summary>
/// A comparison over run folders: resolve and load both runs, detect change, write compare.html and candidates.csv.
/// Pipeline's comparison writer adds what needs the tiles themselves (candidates.geojson, the review thumbnails).
/// </summary>
public static class ComparisonRunner
{
    /// <summary>Resolves and loads both runs of a request, and where its outputs go.</summary>
    public static (LoadedRun A, LoadedRun B, string OutDir) Load(ComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = RunFolder.Load(RunLocator.Resolve(request.RunA, request.RunsDir));
        var b = RunFolder.Load(RunLocator.Resolve(request.RunB, request.RunsDir));
        return (a, b, request.OutDir ?? DefaultOutDir(a, b));
    }

    /// <summary>Compares two runs already loaded and writes the report (review sheet as text) into <paramref name="outDir"/>.</summary>
    public static ComparisonOutcome Run(LoadedRun a, LoadedRun b, ChangeOptions options, string outDir)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = ChangeDetector.Detect(a.RunId, a.Tiles, b.RunId, b.Tiles, options);
        return new ComparisonOutcome(result, ComparisonReportWriter.Write(result, outDir));
    }

    /// <summary>A comparison lives with the later run: <c>&lt;run B folder&gt;/compare-&lt;run A id&gt;</c>.</summary>
    public static string DefaultOutDir(LoadedRun a, LoadedRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var name = string.Concat(("compare-" + a.RunId).Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
        return Path.Combine(b.Directory, name);
    }
}
