using System.Diagnostics;
using Google.Protobuf;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Scores the same labeled tiles with a reference bundle (FP32) and a candidate (its INT8 twin) in one process:
/// 6- and 3-class accuracy of each, how often they agree, the cosine between their penultimate features, and the
/// model-only tiles/s of each, timed batch by batch in alternating order so machine load hits both alike.
/// </summary>
public static class PrecisionComparison
{
    public static PrecisionReport Compare(ModelBundle reference, ModelBundle candidate, IReadOnlyList<LabeledTile> tiles, ScoringOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(tiles);
        ArgumentNullException.ThrowIfNull(options);
        if (!SameInput(reference.Manifest, candidate.Manifest))
        {
            throw new ArgumentException($"Bundles '{reference.Folder}' and '{candidate.Folder}' expect different inputs (name, size, channel order or normalization); they cannot be compared on the same tensors.", nameof(candidate));
        }

        using var a = new Probe(reference, options);
        using var b = new Probe(candidate, options);
        if (a.FeatureName != b.FeatureName)
        {
            throw new InvalidOperationException($"The bundles' penultimate tensors differ ('{a.FeatureName}' and '{b.FeatureName}'); they are not the same network.");
        }

        var failed = new List<string>();
        var cosines = new List<double>();
        var (agree, scored, round) = (0, 0, 0);
        foreach (var batch in TileBatches.Read(tiles, InputSpec.From(reference.Manifest), options, options.BatchSize, ct))
        {
            failed.AddRange(batch.Failed);
            if (batch.Tiles.Count == 0)
            {
                continue;
            }

            // Alternate which model goes first, so neither always runs on a cache the other warmed.
            var (first, second) = round++ % 2 == 0 ? (a, b) : (b, a);
            var firstOut = first.Run(batch);
            var secondOut = second.Run(batch);
            var (ra, rb) = ReferenceEquals(first, a) ? (firstOut, secondOut) : (secondOut, firstOut);
            for (var i = 0; i < batch.Tiles.Count; i++)
            {
                var truth = batch.Tiles[i].Label;
                a.Count(ra.Labels[i], truth);
                b.Count(rb.Labels[i], truth);
                agree += ra.Labels[i] == rb.Labels[i] ? 1 : 0;
                cosines.Add(Cosine(ra.Features.AsSpan(i * a.FeatureWidth, a.FeatureWidth), rb.Features.AsSpan(i * b.FeatureWidth, b.FeatureWidth)));
            }

            scored += batch.Tiles.Count;
            progress?.Report(scored);
        }

        return new PrecisionReport(
            scored,
            failed,
            a.Scores(),
            b.Scores(),
            scored == 0 ? double.NaN : (double)agree / scored,
            cosines.Count == 0 ? double.NaN : cosines.Average(),
            cosines.Count == 0 ? double.NaN : cosines.Min(),
            a.FeatureName,
            options.BatchSize);
    }

    private static bool SameInput(ModelManifest a, ModelManifest b) =>
        (a.InputName, a.InputWidth, a.InputHeight, a.Layout, a.ChannelOrder, a.PixelScale) == (b.InputName, b.InputWidth, b.InputHeight, b.Layout, b.ChannelOrder, b.PixelScale)
        && a.Mean.SequenceEqual(b.Mean) && a.Std.SequenceEqual(b.Std);

    private static double Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            dot += (double)x[i] * y[i];
            xx += (double)x[i] * x[i];
            yy += (double)y[i] * y[i];
        }

        return xx == 0 || yy == 0 ? (xx == yy ? 1 : 0) : dot / Math.Sqrt(xx * yy);
    }

    /// <summary>One bundle's session with its features as a second output, plus its running tallies.</summary>
    private sealed class Probe : IDisposable
    {
        private readonly InferenceSession _session;
        private readonly RunOptions _run = new();
        private readonly ModelBundle _bundle;
        private readonly int[] _classOfOutput;
        private long _ticks;
        private int _tiles;
        private int _right6;
        private int _right3;

        public Probe(ModelBundle bundle, ScoringOptions options)
        {
            _bundle = bundle;
            var model = OnnxFile.Read(bundle.ModelPath);
            FeatureName = PenultimateTensor(model) ?? bundle.OutputName;
            if (FeatureName != bundle.OutputName && model.Graph.Output.All(o => o.Name != FeatureName))
            {
                model.Graph.Output.Add(new ValueInfoProto
                {
                    Name = FeatureName,
                    Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
                });
            }

            (_session, _) = SessionFactory.Open(null, model.ToByteArray(), $"{bundle.Version} (comparison)", options, options.BatchSize, NullLogger.Instance);
            _classOfOutput = bundle.Labels.Select(l => (int)l).ToArray();
        }

        public string FeatureName { get; }

        public int FeatureWidth { get; private set; }

        public (LandCover[] Labels, float[] Features) Run(TileBatch batch)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(batch.Buffer, batch.Shape);
            var started = Stopwatch.GetTimestamp();
            string[] names = FeatureName == _bundle.OutputName ? [FeatureName] : [_bundle.OutputName, FeatureName];
            using var outputs = _session.Run(_run, [_bundle.Manifest.InputName], [input], names);
            _ticks += Stopwatch.GetTimestamp() - started;
            _tiles += batch.Tiles.Count;
            var scores = outputs[0].GetTensorDataAsSpan<float>();
            var features = outputs[names.Length - 1].GetTensorDataAsSpan<float>().ToArray();
            FeatureWidth = features.Length / batch.Tiles.Count;
            var width = _bundle.OutputWidth;
            var labels = new LandCover[batch.Tiles.Count];
            for (var i = 0; i < labels.Length; i++)
            {
                // Softmax keeps the order of logits, so the best output is the best class either way.
                var row = scores.Slice(i * width, width);
                var best = 0;
                for (var k = 1; k < width; k++)
                {
                    best = row[k] > row[best] ? k : best;
                }

                labels[i] = (LandCover)_classOfOutput[best];
            }

            return (labels, features);
        }

        public void Count(LandCover predicted, LandCover truth)
        {
            _right6 += predicted == truth ? 1 : 0;
            _right3 += LabelScheme.GroupOf(predicted) == LabelScheme.GroupOf(truth) ? 1 : 0;
        }

        public PrecisionScores Scores()
        {
            var seconds = Stopwatch.GetElapsedTime(0, _ticks).TotalSeconds;
            return new PrecisionScores(
                _bundle.Precision,
                _bundle.Version,
                _tiles == 0 ? double.NaN : (double)_right6 / _tiles,
                _tiles == 0 ? double.NaN : (double)_right3 / _tiles,
                seconds > 0 ? _tiles / seconds : double.NaN);
        }

        public void Dispose()
        {
            _run.Dispose();
            _session.Dispose();
        }

        /// <summary>The features the head reads: the first input of the last Gemm or MatMul in the graph.</summary>
        private static string? PenultimateTensor(ModelProto model) =>
            model.Graph.Node.LastOrDefault(n => n.OpType is "Gemm" or "MatMul")?.Input[0];
    }
}

/// <summary>How the reference and the candidate did on the same tiles, and how close the candidate stays to the reference.</summary>
/// <param name="Tiles">Tiles scored by both.</param>
/// <param name="Reference">Accuracy and throughput of the reference (FP32) bundle.</param>
/// <param name="Candidate">Accuracy and throughput of the candidate (INT8) bundle.</param>
/// <param name="Failed">Tiles that could not be decoded.</param>
/// <param name="Agreement">Share of tiles both give the same class.</param>
/// <param name="MeanCosine">Mean cosine similarity of the two models' <paramref name="FeatureTensor"/> per tile.</param>
/// <param name="MinCosine">The lowest per-tile cosine.</param>
/// <param name="FeatureTensor">The tensor compared: the penultimate features the head reads.</param>
/// <param name="BatchSize">Tiles per timed call.</param>
public sealed record PrecisionReport(
    int Tiles,
    IReadOnlyList<string> Failed,
    PrecisionScores Reference,
    PrecisionScores Candidate,
    double Agreement,
    double MeanCosine,
    double MinCosine,
    string FeatureTensor,
    int BatchSize)
{
    /// <summary>Candidate tiles/s over reference tiles/s, both timed in the same alternating rounds.</summary>
    public double SpeedUp => Candidate.TilesPerSecond / Reference.TilesPerSecond;
}

/// <summary>One model's accuracy on the labeled tiles and its model-only throughput.</summary>
public sealed record PrecisionScores(string Precision, string Version, double Accuracy6, double Accuracy3, double TilesPerSecond);
