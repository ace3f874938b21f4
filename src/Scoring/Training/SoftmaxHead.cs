using System.Numerics.Tensors;

namespace LandUse.Scoring.Training;

/// <summary>
/// Multinomial logistic regression on standardized features: the land-use head on top of the frozen backbone, and a
/// plain classifier for any feature vectors (colour statistics, say). Deterministic for a given seed and data.
/// </summary>
public sealed class SoftmaxHead
{
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private SoftmaxHead(int features, int classes, float[] mean, float[] std, float[] weights, float[] bias)
    {
        FeatureCount = features;
        ClassCount = classes;
        _mean = mean;
        _std = std;
        _weights = weights;
        _bias = bias;
    }

    public int FeatureCount { get; }

    public int ClassCount { get; }

    /// <summary>Per-feature mean used for standardization.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Per-feature standard deviation used for standardization (1 where a feature is constant).</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Row-major [classes x features] weights on standardized features.</summary>
    public IReadOnlyList<float> Weights => _weights;

    public IReadOnlyList<float> Bias => _bias;

    /// <summary>Fits a head; <paramref name="labels"/> are class indices in [0, classCount).</summary>
    public static SoftmaxHead Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classCount, SoftmaxHeadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new SoftmaxHeadOptions();
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException($"Need one label per feature vector and at least one vector; got {features.Count} vectors and {labels.Count} labels.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var d = features[0].Length;
        if (features.Any(f => f.Length != d))
        {
            throw new ArgumentException($"All feature vectors must have {d} values.", nameof(features));
        }

        if (labels.Any(l => l < 0 || l >= classCount))
        {
            throw new ArgumentOutOfRangeException(nameof(labels), $"Labels must be class indices in [0, {classCount}).");
        }

        var (mean, std) = Standardization(features, d);
        var x = features.Select(f => Standardize(f, mean, std)).ToArray();
        var (weights, bias) = new AdamFit(x, labels, classCount, d, options).Run(cancellationToken);
        return new SoftmaxHead(d, classCount, mean, std, weights, bias);
    }

    /// <summary>Class probabilities for one raw (unstandardized) feature vector.</summary>
    public float[] Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        }

        var z = Standardize(features, _mean, _std);
        var p = new float[ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            p[c] = TensorPrimitives.Dot(_weights.AsSpan(c * FeatureCount, FeatureCount), z) + _bias[c];
        }

        Inference.Softmax.InPlace(p);
        return p;
    }

    public int PredictClass(ReadOnlySpan<float> features)
    {
        var p = Predict(features);
        return TensorPrimitives.IndexOfMax(p);
    }

    /// <summary>The same head on raw features: weights / std and bias - Σ weight x mean / std, for fusing into a graph.</summary>
    public (float[] Weights, float[] Bias) FoldStandardization()
    {
        var weights = new float[_weights.Length];
        var bias = new float[ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            var shift = 0.0;
            for (var j = 0; j < FeatureCount; j++)
            {
                var w = _weights[(c * FeatureCount) + j] / _std[j];
                weights[(c * FeatureCount) + j] = w;
                shift += (double)w * _mean[j];
            }

            bias[c] = (float)(_bias[c] - shift);
        }

        return (weights, bias);
    }

    private static (float[] Mean, float[] Std) Standardization(IReadOnlyList<float[]> features, int d)
    {
        var mean = new double[d];
        var square = new double[d];
        foreach (var f in features)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += f[j];
                square[j] += (double)f[j] * f[j];
            }
        }

        var n = features.Count;
        var m = new float[d];
        var s = new float[d];
        for (var j = 0; j < d; j++)
        {
            var mu = mean[j] / n;
            var variance = Math.Max(0, (square[j] / n) - (mu * mu));
            m[j] = (float)mu;
            s[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (m, s);
    }

    private static float[] Standardize(ReadOnlySpan<float> f, float[] mean, float[] std)
    {
        var z = new float[f.Length];
        TensorPrimitives.Subtract(f, mean, z);
        TensorPrimitives.Divide(z, std, z);
        return z;
    }
}
