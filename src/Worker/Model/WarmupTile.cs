using SkiaSharp;

namespace LandUse.Worker.Model;

/// <summary>A plain 224 x 224 PNG used once to warm the model up before <c>/readyz</c> turns 200.</summary>
internal static class WarmupTile
{
    private static readonly Lazy<byte[]> Bytes = new(Encode);

    public static ReadOnlyMemory<byte> Png => Bytes.Value;

    private static byte[] Encode()
    {
        using var bitmap = new SKBitmap(224, 224, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(96, 120, 80));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
