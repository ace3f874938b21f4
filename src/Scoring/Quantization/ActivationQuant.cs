namespace LandUse.Scoring.Quantization;

/// <summary>
/// Asymmetric uint8 quantization of one activation tensor: real = (q − ZeroPoint) · Scale, q in 0..255. The range always
/// holds 0 so that zero (padding, a Relu's floor) is exact; a tensor that is never negative gets zero point 0.
/// </summary>
internal readonly record struct ActivationQuant(float Scale, byte ZeroPoint)
{
    public static ActivationQuant FromRange(float lo, float hi)
    {
        lo = Math.Min(lo, 0f);
        hi = Math.Max(hi, 0f);
        var scale = (hi - lo) / 255f;
        if (!(scale > 0) || !float.IsFinite(scale))
        {
            return new ActivationQuant(1f, 0);
        }

        var zeroPoint = (int)Math.Round(-lo / scale, MidpointRounding.AwayFromZero);
        return new ActivationQuant(scale, (byte)Math.Clamp(zeroPoint, 0, 255));
    }
}
