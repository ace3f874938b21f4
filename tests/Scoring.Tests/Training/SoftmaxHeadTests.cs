using LandUse.Scoring.Training;

namespace LandUse.Scoring.Tests.Training;

public sealed class SoftmaxHeadTests
{
    [Fact]
    public void Separable_clusters_are_learned()
    {
        var (x, y) = Clusters(seed: 3, perClass: 40);
        var head = SoftmaxHead.Train(x, y, 3, new SoftmaxHeadOptions { Iterations = 200 }, TestContext.Current.CancellationToken);
        var (tx, ty) = Clusters(seed: 4, perClass: 20);
        var right = tx.Zip(ty).Count(p => head.PredictClass(p.First) == p.Second);
        Assert.True(right >= 57, $"{right}/60 right");
    }

    [Fact]
    public void Same_seed_and_data_give_the_same_head_and_another_seed_does_not()
    {
        var (x, y) = Clusters(seed: 5, perClass: 10);
        var options = new SoftmaxHeadOptions { Iterations = 20, Seed = 7 };
        var a = SoftmaxHead.Train(x, y, 3, options, TestContext.Current.CancellationToken);
        var b = SoftmaxHead.Train(x, y, 3, options, TestContext.Current.CancellationToken);
        var c = SoftmaxHead.Train(x, y, 3, options with { Seed = 8 }, TestContext.Current.CancellationToken);
        Assert.Equal(a.Weights, b.Weights);
        Assert.NotEqual(a.Weights, c.Weights);
    }

    [Fact]
    public void Folded_weights_on_raw_features_give_the_same_logits()
    {
        var (x, y) = Clusters(seed: 6, perClass: 10);
        var head = SoftmaxHead.Train(x, y, 3, new SoftmaxHeadOptions { Iterations = 30 }, TestContext.Current.CancellationToken);
        var (w, b) = head.FoldStandardization();
        foreach (var f in x.Take(5))
        {
            var logits = Enumerable.Range(0, 3).Select(c => b[c] + Enumerable.Range(0, f.Length).Sum(j => w[(c * f.Length) + j] * f[j])).ToArray();
            var max = logits.Max();
            var e = logits.Select(l => MathF.Exp(l - max)).ToArray();
            var p = head.Predict(f);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(e[c] / e.Sum(), p[c], 1e-5f);
            }
        }
    }

    [Fact]
    public void Mismatched_inputs_are_rejected_with_a_reason()
    {
        Assert.Throws<ArgumentException>(() => SoftmaxHead.Train([[1f, 2f]], [0, 1], 2, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxHead.Train([[1f, 2f]], [2], 2, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static (float[][] X, int[] Y) Clusters(int seed, int perClass)
    {
        var random = new Random(seed);
        float[][] centres = [[3f, 0f, 100f, 0f], [0f, 3f, 100f, 0f], [-3f, -3f, 100f, 0f]];
        var x = new List<float[]>();
        var y = new List<int>();
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < perClass; i++)
            {
                x.Add(centres[c].Select((v, j) => v + ((float)random.NextDouble() - 0.5f) * (j == 2 ? 40f : 2f)).ToArray());
                y.Add(c);
            }
        }

        return ([.. x], [.. y]);
    }
}
