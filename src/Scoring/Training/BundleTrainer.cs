using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>
/// Transfer learning end to end: scan &lt;root&gt;/&lt;Label&gt;/ tiles (two or more classes), split per class, extract
/// backbone features, fit a softmax head over the classes present, measure it on the held-out tiles, and write the fused bundle.
/// </summary>
public static class BundleTrainer
{
    public static async Task<TrainReport> TrainAsync(string labeledDir, string bundleDir, TrainOptions options, IProgress<TrainProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundleDir);
        ArgumentNullException.ThrowIfNull(options);
        var tiles = LabeledFolder.Scan(labeledDir);
        progress?.Report(new TrainProgress("scan", tiles.Count, tiles.Count));
        var (train, validation) = StratifiedSplit.Split(tiles, options.ValidationFraction, options.Seed);

        return await Task.Run(() => Train(labeledDir, bundleDir, options, train, validation, progress, ct), ct).ConfigureAwait(false);
    }

    private static TrainReport Train(string labeledDir, string bundleDir, TrainOptions options, IReadOnlyList<LabeledTile> train, IReadOnlyList<LabeledTile> validation, IProgress<TrainProgress>? progress, CancellationToken ct)
    {
        var all = train.Concat(validation).ToArray();
        IReadOnlyList<FeatureRow> rows;
        using (var extractor = new FeatureExtractor(options.Scoring))
        {
            rows = extractor.ExtractFiles(all.Select(t => t.Path).ToArray(), new SyncProgress(n => progress?.Report(new TrainProgress("features", n, all.Length))), ct);
        }

        var failed = rows.Where(r => !r.Succeeded).Select(r => r.Error ?? r.Ref).ToArray();
        var trainRows = Pair(train, rows.Take(train.Count));
        var validationRows = Pair(validation, rows.Skip(train.Count));
        var classes = LabelScheme.Classes.Where(c => all.Any(t => t.Label == c)).ToArray();
        var lacking = classes.Where(c => trainRows.All(r => r.Label != c)).ToArray();
        if (lacking.Length > 0)
        {
            throw new TrainingDataException($"Labeled folder '{Path.GetFullPath(labeledDir)}': no decodable training tiles for {string.Join(", ", lacking)}.");
        }

        // The head's outputs are the classes present, in LabelScheme order; the manifest lists them and scorers give the rest 0.
        var output = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        progress?.Report(new TrainProgress("head", 0, 1));
        var headOptions = options.Head with { Seed = options.Seed };
        var head = SoftmaxHead.Train(trainRows.Select(r => r.Features).ToArray(), trainRows.Select(r => output[r.Label]).ToArray(), classes.Length, headOptions, ct);
        progress?.Report(new TrainProgress("head", 1, 1));

        var confusion = new int[LabelScheme.ClassCount][];
        for (var c = 0; c < confusion.Length; c++)
        {
            confusion[c] = new int[LabelScheme.ClassCount];
        }

        var (right6, right3) = (0, 0);
        foreach (var (features, truth) in validationRows)
        {
            var predicted = classes[head.PredictClass(features)];
            confusion[(int)truth][(int)predicted]++;
            right6 += predicted == truth ? 1 : 0;
            right3 += LabelScheme.GroupOf(predicted) == LabelScheme.GroupOf(truth) ? 1 : 0;
        }

        progress?.Report(new TrainProgress("bundle", 0, 1));
        var bundle = FusedBundleWriter.Write(bundleDir, head, options.Name, options.Version, labels: classes);
        progress?.Report(new TrainProgress("bundle", 1, 1));
        var n = validationRows.Count;
        return new TrainReport(
            bundle.Folder,
            bundle.Version,
            trainRows.Count,
            n,
            n == 0 ? double.NaN : (double)right6 / n,
            n == 0 ? double.NaN : (double)right3 / n,
            Counts(trainRows),
            Counts(validationRows),
            confusion,
            failed)
        {
            Classes = classes,
        };
    }

    private static List<(float[] Features, LandCover Label)> Pair(IReadOnlyList<LabeledTile> tiles, IEnumerable<FeatureRow> rows) =>
        tiles.Zip(rows).Where(p => p.Second.Succeeded).Select(p => (p.Second.Features!, p.First.Label)).ToList();

    private static Dictionary<LandCover, int> Counts(List<(float[] Features, LandCover Label)> rows) =>
        LabelScheme.Classes.ToDictionary(c => c, c => rows.Count(r => r.Label == c));

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; posts to the thread pool and may reorder).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
