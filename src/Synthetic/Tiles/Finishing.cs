using LandUse.Synthetic.Randomness;

namespace LandUse.Synthetic.Tiles;

/// <summary>
/// The camera and the day: per-tile brightness, colour cast, contrast, saturation, uneven illumination,
/// haze and sensor noise. This is what keeps colour statistics from giving the class away.
/// </summary>
internal static class Finishing
{
    /// <summary>Applies the look in place to tightly packed RGBA pixels (alpha untouched).</summary>
    public static void Apply(Span<byte> rgba, int width, int height, TileRandom r, float grain)
    {
        var gain = Math.Clamp(MathF.Exp(r.Normal() * 0.2f), 0.6f, 1.55f);
        // Colour cast along the warm-cool axis, with a smaller green-magenta tint.
        var warm = Math.Clamp(r.Normal() * 0.06f, -0.14f, 0.14f);
        var tint = Math.Clamp(r.Normal() * 0.03f, -0.07f, 0.07f);
        var cast = new[] { gain * (1f + warm - (tint / 2)), gain * (1f + tint), gain * (1f - warm - (tint / 2)) };

        var contrast = r.Range(0.65, 1.4);
        var saturation = r.Range(0.5, 1.35);
        var illumination = new ValueNoise(r.Fork(), Math.Max(width, height), r.Range(60, 170));
        var shading = r.Range(0, 0.3);
        var haze = r.Chance(0.5) ? r.Range(0, 0.28) : 0f;
        var hazeColor = Palette.Hsv(r.Range(190, 235), r.Range(0.05, 0.25), r.Range(0.6, 0.88));
        var hazeRgb = new[] { hazeColor.Red, hazeColor.Green, hazeColor.Blue };
        var noise = r.Range(1.2, 4.5);
        var luminanceNoise = MathF.Sqrt((grain * grain) + (noise * noise));

        var mean = 0.0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            mean += (0.299 * rgba[i]) + (0.587 * rgba[i + 1]) + (0.114 * rgba[i + 2]);
        }

        var pivot = (float)(mean / (width * height));
        var normals = NoiseTable.Normals;
        Span<float> px = stackalloc float[3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                var light = 1f + ((illumination.At(x, y) - 0.5f) * 2f * shading);
                var lum = (0.299f * rgba[i]) + (0.587f * rgba[i + 1]) + (0.114f * rgba[i + 2]);
                var bits = r.NextULong();
                var shared = normals[(int)(bits & NoiseTable.Mask)] * luminanceNoise;
                for (var c = 0; c < 3; c++)
                {
                    bits >>= 16;
                    var v = lum + ((rgba[i + c] - lum) * saturation);
                    v = pivot + ((v - pivot) * contrast);
                    v *= cast[c] * light;
                    v += (hazeRgb[c] - v) * haze;
                    px[c] = v + shared + (normals[(int)(bits & NoiseTable.Mask)] * noise * 0.5f);
                }

                rgba[i] = ToByte(px[0]);
                rgba[i + 1] = ToByte(px[1]);
                rgba[i + 2] = ToByte(px[2]);
            }
        }
    }

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
}
