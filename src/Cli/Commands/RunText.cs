using System.Globalization;
using LandUse.Pipeline.Orchestration;

namespace LandUse.Cli.Commands;

/// <summary>The one-line forms of a run's progress and outcome that `landuse run` and `landuse runs status` print.</summary>
internal static class RunText
{
    public static string Progress(RunProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Phase}: {p.Done}/{p.Listed}{(p.ListingDone ? "" : "+")} tiles ({p.Failed} failed, {p.Skipped} reused), {p.TilesPerSecond:0.0} tiles/s, ETA {Eta(p.EtaSeconds)}{Accuracy(p.Accuracy6, p.Accuracy3, p.WithTruth)}");

    /// <summary>"; accuracy 6-class 97.5 %, 3-class 99.0 % (1,234 tiles with truth)", or "" without truth.</summary>
    public static string Accuracy(double? six, double? three, long withTruth) =>
        six is { } a6 && three is { } a3
            ? string.Create(CultureInfo.InvariantCulture, $"; accuracy 6-class {a6 * 100:0.0} %, 3-class {a3 * 100:0.0} % ({withTruth:N0} tiles with truth)")
            : "";

    public static string Outcome(RunOutcome o)
    {
        var where = (o.RunFolder ?? o.ArtifactsAt) is { } at ? $"results in {at}" : "start the same run id to resume";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Run {o.RunId} {o.Status}: {o.Listed} listed, {o.Scored} scored, {o.Failed} failed, {o.Skipped} reused from an earlier attempt; {o.TilesPerSecond:0.0} tiles/s over {o.Seconds:0.0} s; model {o.ModelVersion}; {where}");
    }

    private static string Eta(double? seconds) => seconds is { } s
        ? TimeSpan.FromSeconds(Math.Round(s)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)
        : "--:--:--";
}
