using LandUse.Analysis.Metrics;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Summaries;

/// <summary>
/// A run's merged counts: what the pipeline's fan-in adds up from its partial summaries, with no per-tile data.
/// <see cref="Predicted"/> has one count per class (LabelScheme order); <see cref="Confusion"/> is 6 × 6 row-major
/// (truth rows × predicted columns) over scored tiles whose truth is known, all zeros (or empty) when none is.
/// </summary>
public sealed record RunTotals
{
    public required string RunId { get; init; }

    public string Source { get; init; } = "";

    public string? ModelVersion { get; init; }

    public string Status { get; init; } = "Completed";

    public long Listed { get; init; }

    public long Scored { get; init; }

    public long Failed { get; init; }

    public long Skipped { get; init; }

    public long Resized { get; init; }

    public IReadOnlyList<long> Predicted { get; init; } = new long[LabelScheme.ClassCount];

    public IReadOnlyList<long> Confusion { get; init; } = [];

    /// <summary>The first failures (already capped by whoever merged them); their total is <see cref="Failed"/>.</summary>
    public IReadOnlyList<TileFailure> Failures { get; init; } = [];

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    /// <summary>Adds up per-tile results, for reports rebuilt from a run folder and for tests.</summary>
    public static RunTotals FromTiles(string runId, IEnumerable<TileResult> tiles, int failureCap = RunSummaryBuilder.DefaultFailureCap)
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
                if (failures.Count < failureCap)
                {
                    failures.Add(new TileFailure(tile.Path, tile.Error ?? "no label"));
                }
            }
        }

        return new RunTotals
        {
            RunId = runId,
            Listed = listed,
            Scored = scored,
            Failed = failed,
            Predicted = predicted,
            Confusion = confusion.ToRowMajor(),
            Failures = failures,
        };
    }
}
