using Google.Protobuf;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Training;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Makes the INT8 twin of an FP32 bundle: folds BatchNormalization into Conv, raises the opset to 13, calibrates
/// uint8 activation ranges on real labeled tiles, writes the QDQ graph as a bundle that names its parent and its
/// calibration set, and compares both on the tiles held out of calibration. `landuse model quantize` and the demo call it.
/// </summary>
public static class BundleQuantizer
{
    public static Task<QuantizeReport> QuantizeAsync(string bundleDir, string labeledDir, string outDir, QuantizeOptions options, IProgress<QuantizeProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundleDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(labeledDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Tiles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CalibrationBatchSize);
        if (options.HeldOutFraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HeldOutFraction, "The held-out share must be in [0, 1).");
        }

        if (options.Method == CalibrationMethod.Percentile && options.Percentile is <= 50 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Percentile, "The calibration percentile must be in (50, 100].");
        }

        return Task.Run(() => Quantize(bundleDir, labeledDir, outDir, options, progress, ct), ct);
    }

    private static QuantizeReport Quantize(string bundleDir, string labeledDir, string outDir, QuantizeOptions options, IProgress<QuantizeProgress>? progress, CancellationToken ct)
    {
        var parent = ModelBundle.Load(bundleDir);
        if (parent.Precision != ModelPrecision.Fp32)
        {
            throw ModelBundleException.For(parent.Folder, $"it is already {parent.Precision}; quantize its FP32 parent {parent.Manifest.Parent?.ToString() ?? string.Empty}".TrimEnd() + ".");
        }

        if (string.Equals(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar), parent.Folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException($"--out '{parent.Folder}' is the FP32 bundle itself; write the INT8 twin to another folder.", nameof(outDir));
        }

        var tiles = LabeledFolder.Scan(labeledDir);
        var (calibrationShare, heldOut) = StratifiedSplit.Split(tiles, options.HeldOutFraction, options.Seed);
        var calibration = EvenlyAcrossClasses(calibrationShare, options.Tiles);
        var spec = InputSpec.From(parent.Manifest);

        var model = OnnxFile.Read(parent.ModelPath);
        NameNodes(model.Graph);
        BatchNormFolding.Fold(model.Graph);
        OpsetUpgrade.Raise(model);
        var plan = QuantizationPlan.For(model.Graph);

        progress?.Report(new QuantizeProgress("calibrate", 0, calibration.Count));
        var calibrated = ActivationCalibrator.Run(model, parent.Manifest.InputName, plan.Calibrated, calibration, spec, options.Scoring, options.CalibrationBatchSize,
            new StageProgress(progress, "calibrate", calibration.Count), ct);
        if (calibrated.Tiles == 0)
        {
            throw new TrainingDataException($"Labeled folder '{Path.GetFullPath(labeledDir)}': none of the {calibration.Count} calibration tiles could be decoded (first: {(calibrated.Failed.Count > 0 ? calibrated.Failed[0] : "none")}).");
        }

        progress?.Report(new QuantizeProgress("quantize", 0, 1));
        var quants = plan.Activations.ToDictionary(
            t => t,
            t =>
            {
                var (lo, hi) = calibrated.Histograms[plan.SameAs.GetValueOrDefault(t, t)].Range(options.Method, options.Percentile);
                return ActivationQuant.FromRange(lo, hi);
            },
            StringComparer.Ordinal);
        var qdq = QdqGraph.Build(model, plan, quants);
        var calibrationSet = new CalibrationSet(Path.GetFullPath(labeledDir), calibrated.Tiles, options.MethodName, options.Seed, options.HeldOutFraction);
        var manifest = parent.Manifest with
        {
            Version = options.Version ?? $"{parent.Version}-int8",
            Precision = ModelPrecision.Int8,
            Parent = ParentModel.Of(parent.Manifest),
            Calibration = calibrationSet,
        };
        var bytes = qdq.Model.ToByteArray();
        var bundle = ModelBundleWriter.Write(outDir, bytes, manifest);
        progress?.Report(new QuantizeProgress("quantize", 1, 1));

        PrecisionReport? comparison = null;
        if (heldOut.Count > 0)
        {
            progress?.Report(new QuantizeProgress("compare", 0, heldOut.Count));
            comparison = PrecisionComparison.Compare(parent, bundle, heldOut, options.Scoring, new StageProgress(progress, "compare", heldOut.Count), ct);
        }

        return new QuantizeReport(
            bundle,
            parent,
            calibrationSet,
            calibrated.Failed,
            plan.Convs.Count,
            qdq.WeightBits.Values.Count(b => b < 8),
            plan.Activations.Count,
            new FileInfo(parent.ModelPath).Length,
            bytes.Length,
            comparison);
    }

    /// <summary>Up to <paramref name="count"/> tiles, taking one of each class in turn (the split already shuffled each class).</summary>
    private static List<LabeledTile> EvenlyAcrossClasses(IReadOnlyList<LabeledTile> tiles, int count)
    {
        var queues = tiles.GroupBy(t => t.Label).OrderBy(g => g.Key).Select(g => new Queue<LabeledTile>(g)).ToList();
        var picked = new List<LabeledTile>(Math.Min(count, tiles.Count));
        while (picked.Count < count && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (picked.Count == count)
                {
                    break;
                }

                picked.Add(queue.Dequeue());
            }
        }

        return picked;
    }

    /// <summary>Quantization names its tensors and nodes after the nodes; every node needs a unique name.</summary>
    private static void NameNodes(GraphProto graph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.Name.Length == 0 || !seen.Add(node.Name))
            {
                node.Name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{node.OpType}_{i}");
                seen.Add(node.Name);
            }
        }
    }

    /// <summary>Turns a count of tiles done into stage progress.</summary>
    private sealed class StageProgress(IProgress<QuantizeProgress>? target, string stage, int total) : IProgress<int>
    {
        public void Report(int value) => target?.Report(new QuantizeProgress(stage, value, total));
    }
}
