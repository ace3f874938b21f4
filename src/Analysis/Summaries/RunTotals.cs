using LandUse.Analysis.Metrics;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Summaries;

/// <summary>
/// A run's merged counts with what identifies it: what the pipeline's fan-in adds up from its partial counts, with no
/// per-tile data. The counts are the one <see cref="TileCounts"/> type; <c>Listed</c> is what listing found.
/// </summary>
public sealed record RunTotals
{
    public required string RunId { get; init; }

    public string Source { get; init; } = "";

    public string? ModelVersion { get; init; }

    public string Status { get; init; } = "Completed";

    public long Listed { get; init; }

    public TileCounts Counts { get; init; } = TileCounts.Empty;

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    /// <summary>Adds up per-tile results, for reports rebuilt from a run folder and for tests.</summary>
    public static RunTotals FromTiles(string runId, IEnumerable<TileResult> tiles)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var predicted = new long[LabelScheme.ClassCount];
        var confusion = ConfusionMatrix.ForClasses();
        var failures = new List<TileFailure>();
        long scored = 0, failed = 0, listed = 0;
        foreach (var tile in tiles)
        {
            listed++;
            if (tile.Predicted is { } label)
            {
                scored++;
                predicted[(int)label]++;
                if (tile.Truth is { } truth)
                {
                    confusion.Add(truth, label);
                }
            }
            else
            {
                failed++;
                if (failures.Count < TileCounts.FailureCap)
                {
                    failures.Add(new TileFailure(tile.Path, tile.Error ?? "no label"));
                }
            }
        }

        return new RunTotals
        {
            RunId = runId,
            Listed = listed,
            Counts = new TileCounts { Scored = scored, Failed = failed, Predicted = predicted, Confusion = confusion.ToRowMajor(), Failures = failures },
        };
    }
}
