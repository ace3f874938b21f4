using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Scoring.Quantization;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>Activation ranges, uint8 scales and zero points, and per-channel weight and bias quantization.</summary>
public sealed class CalibrationMathTests
{
    [Property(MaxTest = 100)]
    public Property A_percentile_range_leaves_at_most_its_share_of_values_outside_on_each_side()
    {
        var values = Gen.Choose(-100_000, 100_000).Select(v => v / 100f).ArrayOf().Where(a => a.Length > 0);
        return Prop.ForAll(values.ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (array, chunks) =>
        {
            var histogram = new ValueHistogram();
            foreach (var part in array.Chunk(Math.Max(1, array.Length / chunks)))
            {
                histogram.Add(part);
            }

            var (lo, hi) = histogram.Range(CalibrationMethod.Percentile, 99.0);
            var tail = array.Length * 0.01;
            return histogram.Count == array.Length
                && array.Count(v => v > hi) <= tail
                && array.Count(v => v < lo) <= tail
                && lo >= array.Min() && hi <= array.Max()
                && histogram.Range(CalibrationMethod.MinMax, 99.0) == (array.Min(), array.Max());
        });
    }

    [Fact]
    public void A_percentile_clips_a_rare_outlier_that_minmax_keeps()
    {
        var histogram = new ValueHistogram();
        var values = Enumerable.Range(0, 100_000).Select(i => i % 100 / 10f).ToArray();
        values[12345] = 1000f;
        histogram.Add(values);

        var (_, percentileHi) = histogram.Range(CalibrationMethod.Percentile, 99.99);
        var (_, maxHi) = histogram.Range(CalibrationMethod.MinMax, 99.99);

        Assert.Equal(1000f, maxHi);
        Assert.InRange(percentileHi, 9.9f, 10.6f);
    }

    [Fact]
    public void A_histogram_that_saw_only_zeros_has_range_zero()
    {
        var histogram = new ValueHistogram();
        histogram.Add(new float[1000]);
        Assert.Equal((0f, 0f), histogram.Range(CalibrationMethod.Percentile, 99.999));
        Assert.Equal(new ActivationQuant(1f, 0), ActivationQuant.FromRange(0f, 0f));
    }

    [Fact]
    public void A_value_that_is_not_finite_fails_calibration()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new ValueHistogram().Add([1f, float.NaN]));
        Assert.Contains("not finite", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 12.75f, 0)]
    [InlineData(2f, 12.75f, 0)]
    [InlineData(-6.375f, 6.375f, 128)]
    [InlineData(-12.75f, 0f, 255)]
    [InlineData(-12.75f, -3f, 255)]
    public void A_uint8_range_always_holds_zero_exactly(float lo, float hi, int zeroPoint)
    {
        var q = ActivationQuant.FromRange(lo, hi);

        Assert.Equal(zeroPoint, q.ZeroPoint);
        Assert.Equal((Math.Max(hi, 0) - Math.Min(lo, 0)) / 255f, q.Scale, 1e-6f);
    }

    [Theory]
    [InlineData(8, 127)]
    [InlineData(7, 63)]
    public void Weights_use_the_full_symmetric_range_per_channel_and_bias_is_at_input_times_weight_scale(int bits, int qmax)
    {
        float[] weights = [0.5f, -0.25f, 0.1f, 0f, /* channel 1 */ -2f, 1f, 0.5f, 0.01f, /* channel 2 all zero */ 0f, 0f, 0f, 0f];
        float[] bias = [0.3f, -1.7f, 0.05f];
        const float inputScale = 0.02f;

        var q = WeightQuant.Quantize(weights, bias, 3, inputScale, bits);

        Assert.Equal(bits, q.Bits);
        Assert.Equal([qmax, -qmax], new int[] { q.Weights[0], q.Weights[4] });
        Assert.All(q.Weights, w => Assert.InRange(w, -qmax, qmax));
        Assert.Equal(1f, q.Scales[2]);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(inputScale * q.Scales[c], q.BiasScales[c]);
            Assert.InRange(Math.Abs((q.Bias[c] * q.BiasScales[c]) - bias[c]), 0, q.BiasScales[c] / 2);
            for (var k = 0; k < 4; k++)
            {
                Assert.InRange(Math.Abs((q.Weights[(c * 4) + k] * q.Scales[c]) - weights[(c * 4) + k]), 0, (q.Scales[c] / 2) + 1e-7f);
            }
        }
    }
}
