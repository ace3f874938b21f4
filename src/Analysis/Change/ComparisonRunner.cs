using LandUse.Analysis.Reports;
using LandUse.Analysis.Runs;

namespace LandUse.Analysis.Change;

/// <summary>Runs a whole comparison over run folders: resolve, load, detect change, write compare.html and the candidate files.</summary>
public static class ComparisonRunner
{
    public static ComparisonOutcome Run(ComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = RunFolder.Load(RunLocator.Resolve(request.RunA, request.RunsDir));
        var b = RunFolder.Load(RunLocator.Resolve(request.RunB, request.RunsDir));
        return Run(a, b, request.Options ?? ChangeOptions.Default, request.OutDir ?? DefaultOutDir(a, b));
    }

    /// <summary>Compares two runs already loaded (e.g. from Table Storage) and writes the outputs into <paramref name="outDir"/>.</summary>
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
