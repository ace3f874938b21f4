using System.Numerics.Tensors;

namespace LandUse.Scoring.Training;

/// <summary>Full-batch Adam on mean cross-entropy + 0.5·L2·|W|²; single-threaded so results never depend on scheduling.</summary>
internal sealed class AdamFit(float[][] x, IReadOnlyList<int> labels, int classes, int d, SoftmaxHeadOptions options)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    public (float[] Weights, float[] Bias) Run(CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var w = new float[classes * d];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)((random.NextDouble() - 0.5) * 0.02);
        }

        var b = new float[classes];
        var gw = new float[w.Length];
        var gb = new float[classes];
        var (mw, vw) = (new double[w.Length], new double[w.Length]);
        var (mb, vb) = (new double[classes], new double[classes]);
        var p = new float[classes];
        var n = x.Length;
        for (var step = 1; step <= options.Iterations; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(gw);
            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < classes; c++)
                {
                    p[c] = TensorPrimitives.Dot(w.AsSpan(c * d, d), x[i]) + b[c];
                }

                Inference.Softmax.InPlace(p);
                p[labels[i]] -= 1f;
                for (var c = 0; c < classes; c++)
                {
                    var g = gw.AsSpan(c * d, d);
                    TensorPrimitives.MultiplyAdd(x[i], p[c], g, g);
                    gb[c] += p[c];
                }
            }

            var scale = 1f / n;
            for (var i = 0; i < w.Length; i++)
            {
                gw[i] = (gw[i] * scale) + (float)(options.L2 * w[i]);
            }

            for (var c = 0; c < classes; c++)
            {
                gb[c] *= scale;
            }

            Update(w, gw, mw, vw, step);
            Update(b, gb, mb, vb, step);
        }

        return (w, b);
    }

    private void Update(float[] theta, float[] gradient, double[] m, double[] v, int step)
    {
        var correction1 = 1 - Math.Pow(Beta1, step);
        var correction2 = 1 - Math.Pow(Beta2, step);
        for (var i = 0; i < theta.Length; i++)
        {
            m[i] = (Beta1 * m[i]) + ((1 - Beta1) * gradient[i]);
            v[i] = (Beta2 * v[i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
            theta[i] -= (float)(options.LearningRate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + Epsilon));
        }
    }
}
