using System.Text.Json.Serialization;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Summaries;

/// <summary>
/// The one count summary: what a batch, a page, a run in progress, a finished run and the ledger row add up to, small
/// whatever the tile count: outcome counts, predicted tiles per class, the 6 × 6 confusion counts (truth-major) over
/// tiles with known truth, and the first <see cref="FailureCap"/> failures. Merging is exact; no per-tile data travels.
/// </summary>
public sealed record TileCounts
{
    /// <summary>How many failures are kept (in partials, run totals and summaries); their total is always exact in <see cref="Failed"/>.</summary>
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

    public static TileCounts Empty { get; } = new();

    /// <summary>Scored plus failed: every tile with an outcome.</summary>
    [JsonIgnore]
    public long Tiles => Scored + Failed;

    /// <summary>Tiles that got a label in this attempt (what tiles/s counts).</summary>
    [JsonIgnore]
    public long Fresh => Scored - Skipped;

    /// <summary>Scored tiles whose truth is known.</summary>
    [JsonIgnore]
    public long WithTruth => Confusion.Sum();

    /// <summary>Running 6-class accuracy against truth; null while no scored tile has truth.</summary>
    [JsonIgnore]
    public double? Accuracy6 => Ratio(Correct(sameGroupOnly: false));

    /// <summary>Running 3-class (Developed, Cultivated, Undeveloped) accuracy against truth; null while no scored tile has truth.</summary>
    [JsonIgnore]
    public double? Accuracy3 => Ratio(Correct(sameGroupOnly: true));

    public static TileCounts FromRows(IEnumerable<PredictionRow> rows, long skipped)
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

        return new TileCounts { Scored = scored, Failed = failed, Skipped = skipped, Resized = resized, Predicted = predicted, Confusion = confusion, Failures = failures };
    }

    /// <summary>Adds two counts; every count adds exactly, failures stay capped.</summary>
    public TileCounts Merge(TileCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new TileCounts
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

    /// <summary>The same counts without the failure list, for places that must stay tiny (progress status).</summary>
    public TileCounts WithoutFailures() => Failures.Count == 0 ? this : this with { Failures = [] };

    private long Correct(bool sameGroupOnly)
    {
        long correct = 0;
        var n = LabelScheme.ClassCount;
        for (var t = 0; t < n && t * n < Confusion.Count; t++)
        {
            for (var p = 0; p < n; p++)
            {
                var hit = sameGroupOnly ? LabelScheme.GroupOf((LandCover)t) == LabelScheme.GroupOf((LandCover)p) : t == p;
                if (hit && (t * n) + p < Confusion.Count)
                {
                    correct += Confusion[(t * n) + p];
                }
            }
        }

        return correct;
    }

    private double? Ratio(long correct) => WithTruth > 0 ? (double)correct / WithTruth : null;

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
