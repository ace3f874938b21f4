namespace LandUse.Scoring.Inference;

/// <summary>Numerically stable softmax, used when a manifest says its model outputs logits.</summary>
internal static class Softmax
{
    public static void InPlace(Span<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(values[i] / sum);
        }
    }
}
