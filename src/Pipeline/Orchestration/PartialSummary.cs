using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Predictions;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// What one batch (or page, or run) adds up to, small whatever the tile count: outcome counts, predicted tiles per
/// class, the 6 × 6 confusion counts (truth-major) over tiles with known truth, and the first failures.
/// Fan-in merges these exactly; no per-tile data travels through orchestration history.
/// </summary>
public sealed record PartialSummary
{
    /// <summary>How many failures a partial keeps; their total is always exact in <see cref="Failed"/>.</summary>
    public const int FailureCap = 50;

    /// <summary>Tiles with a label (newly scored or reused).</summary>
    public long Scored { get; init; }

    public long Failed { get; init; }

    /// <summary>Of Scored, tiles reused from an earlier attempt with the same content and model version.</summary>
    public long Skipped { get; init; }

    public long Resized { get; init; }

    public IReadOnlyList<long> Predicted { get; init; } = new long[LabelScheme.ClassCount];

    public IReadOnlyList<long> Confusion { get; init; } = new long[LabelScheme.ClassCount * LabelScheme.ClassCount];

    public IReadOnlyList<TileFailure> Failures { get; init; } = [];

    public long Tiles => Scored + Failed;

    public static PartialSummary Empty { get; } = new();

    public static PartialSummary FromRows(IEnumerable<PredictionRow> rows, long skipped)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var predicted = new long[LabelScheme.ClassCount];
        var confusion = new long[LabelScheme.ClassCount * LabelScheme.ClassCount];
        var failures = new List<TileFailure>();
        long scored = 0, failed = 0, resized = 0;
        foreach (var row in rows)
        {
            if (row.Succeeded)
            {
                scored++;
                predicted[(int)row.Label!.Value]++;
                if (row.Truth is { } truth)
                {
                    confusion[((int)truth * LabelScheme.ClassCount) + (int)row.Label.Value]++;
                }
            }
            else
            {
                failed++;
                if (failures.Count < FailureCap)
                {
                    failures.Add(new TileFailure(row.Path, row.Error ?? "no label"));
                }
            }

            if (row.Resized)
            {
                resized++;
            }
        }

        return new PartialSummary
        {
            Scored = scored,
            Failed = failed,
            Skipped = skipped,
            Resized = resized,
            Predicted = predicted,
            Confusion = confusion,
            Failures = failures,
        };
    }

    /// <summary>Adds two partials; counts add exactly, failures stay capped.</summary>
    public PartialSummary Merge(PartialSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PartialSummary
        {
            Scored = Scored + other.Scored,
            Failed = Failed + other.Failed,
            Skipped = Skipped + other.Skipped,
            Resized = Resized + other.Resized,
            Predicted = Add(Predicted, other.Predicted, LabelScheme.ClassCount),
            Confusion = Add(Confusion, other.Confusion, LabelScheme.ClassCount * LabelScheme.ClassCount),
            Failures = Failures.Count >= FailureCap ? Failures : Failures.Concat(other.Failures).Take(FailureCap).ToArray(),
        };
    }

    /// <summary>The analysis view of these counts, for <see cref="RunSummaryBuilder"/>.</summary>
    public RunTotals ToRunTotals(string runId, string source, string? modelVersion, long listed, DateTimeOffset? started, DateTimeOffset? finished) =>
        new()
        {
            RunId = runId,
            Source = source,
            ModelVersion = modelVersion,
            Listed = listed,
            Scored = Scored,
            Failed = Failed,
            Skipped = Skipped,
            Resized = Resized,
            Predicted = Predicted.ToArray(),
            Confusion = Confusion.ToArray(),
            Failures = Failures.ToArray(),
            Started = started,
            Finished = finished,
        };

    private static long[] Add(IReadOnlyList<long> a, IReadOnlyList<long> b, int size)
    {
        var sum = new long[size];
        for (var i = 0; i < size; i++)
        {
            sum[i] = (i < a.Count ? a[i] : 0) + (i < b.Count ? b[i] : 0);
        }

        return sum;
    }
}
