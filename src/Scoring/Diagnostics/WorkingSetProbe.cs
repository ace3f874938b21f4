using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Peak working set of a process that scores with one bundle the way `score` and `run` do (decode + model through
/// the scorer). Only meaningful in a process that loaded nothing else, so `landuse bench --compare` runs it in a child
/// process per bundle.
/// </summary>
public static class WorkingSetProbe
{
    /// <summary>Scores four batches of <paramref name="batch"/> copies of <paramref name="tile"/>; returns the process's peak working set in MiB.</summary>
    public static long ScoreAndMeasure(ModelBundle bundle, ReadOnlySpan<byte> tile, int batch, ExecutionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var bytes = tile.ToArray();
        var inputs = Enumerable.Range(0, batch * 4).Select(i => new TileInput(i.ToString(CultureInfo.InvariantCulture), bytes)).ToArray();
        using (var scorer = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = batch, Provider = provider }))
        {
            scorer.Score(inputs);
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024 * 1024);
    }
}
