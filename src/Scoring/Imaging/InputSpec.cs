using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// How decoded pixels become tensor values: size, plane order and per-plane (value * scale - mean) / std.
/// Mean and Std are in tensor plane order.
/// </summary>
public sealed record InputSpec(int Width, int Height, bool Bgr, float Scale, IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>Planar RGB floats 0-255 at 224x224: what the backbone's own preprocessing graph expects.</summary>
    public static InputSpec Rgb255(int width = 224, int height = 224) => new(width, height, false, 1f, [0f, 0f, 0f], [1f, 1f, 1f]);

    public static InputSpec From(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new(manifest.InputWidth, manifest.InputHeight, manifest.ChannelOrder == "BGR", manifest.PixelScale, manifest.Mean, manifest.Std);
    }

    /// <summary>Floats one tile occupies in a batch tensor (3 x height x width).</summary>
    public int TensorLength => 3 * Width * Height;

    /// <summary>For each tensor plane, the value of each 0-255 byte: a 3 x 256 lookup table.</summary>
    internal float[] BuildLookup()
    {
        var table = new float[3 * 256];
        for (var plane = 0; plane < 3; plane++)
        {
            for (var v = 0; v < 256; v++)
            {
                table[(plane * 256) + v] = ((v * Scale) - Mean[plane]) / Std[plane];
            }
        }

        return table;
    }
}
