namespace LandUse.Scoring.Quantization;

/// <summary>
/// Per-output-channel symmetric quantization of a Conv's weights (zero point 0) and of its bias as int32 at scale
/// s_x · s_w[c], which is what lets ONNX Runtime turn DQ → Conv → Q into one QLinearConv.
/// </summary>
internal sealed record WeightQuant(sbyte[] Weights, float[] Scales, int[] Bias, float[] BiasScales, int Bits)
{
    /// <param name="weights">Row-major [channels, …].</param>
    /// <param name="bias">Float bias per output channel (empty when the Conv has none).</param>
    /// <param name="channels">Output channels.</param>
    /// <param name="inputScale">Scale of the uint8 input, s_x: the bias scale is s_x · s_w[c].</param>
    /// <param name="bits">8, or 7 where uint8 inputs far from 0 would overflow AVX2's pairwise 16-bit sums (u8·s8 + u8·s8 &gt; 32767).</param>
    public static WeightQuant Quantize(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int channels, float inputScale, int bits)
    {
        if (bits is < 2 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Weights take 2 to 8 bits.");
        }

        var qmax = (1 << (bits - 1)) - 1;
        var perChannel = weights.Length / channels;
        var q = new sbyte[weights.Length];
        var scales = new float[channels];
        var qb = new int[channels];
        var biasScales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var row = weights.Slice(c * perChannel, perChannel);
            var reach = 0f;
            foreach (var w in row)
            {
                reach = Math.Max(reach, Math.Abs(w));
            }

            var scale = reach > 0 ? reach / qmax : 1f;
            scales[c] = scale;
            for (var k = 0; k < perChannel; k++)
            {
                q[(c * perChannel) + k] = (sbyte)Math.Clamp((int)Math.Round(row[k] / scale, MidpointRounding.AwayFromZero), -qmax, qmax);
            }

            biasScales[c] = inputScale * scale;
            var b = Math.Round(bias[c] / (double)biasScales[c], MidpointRounding.AwayFromZero);
            qb[c] = (int)Math.Clamp(b, int.MinValue, int.MaxValue);
        }

        return new WeightQuant(q, scales, qb, biasScales, bits);
    }
}
