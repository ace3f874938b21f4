using System.Globalization;
using LandUse.Scoring.Inference;
using SkiaSharp;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// The one decoder: PNG or JPEG bytes (RGB, RGBA, grey, palette, 16-bit) to planar float tensor values. Limits are
/// checked before any pixel is decoded, alpha is dropped without premultiplying, and every failure is a typed result.
/// Thread-safe: decoders hold no per-call state.
/// </summary>
public sealed class TileDecoder
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);
    private readonly float[] _lookup;

    public TileDecoder(InputSpec spec, ResizePolicy resize = ResizePolicy.Resize, long maxFileBytes = 32L * 1024 * 1024, int maxSide = 10_000)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSide);
        Spec = spec;
        Resize = resize;
        MaxFileBytes = maxFileBytes;
        MaxSide = maxSide;
        _lookup = spec.BuildLookup();
    }

    public TileDecoder(InputSpec spec, ScoringOptions options)
        : this(spec, (options ?? throw new ArgumentNullException(nameof(options))).Resize, options.MaxFileBytes, options.MaxSide)
    {
    }

    public InputSpec Spec { get; }

    public ResizePolicy Resize { get; }

    public long MaxFileBytes { get; }

    public int MaxSide { get; }

    /// <summary>Decodes <paramref name="content"/> into <paramref name="destination"/> (3 x H x W floats, planar).</summary>
    public DecodeResult Decode(string tileRef, ReadOnlySpan<byte> content, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(tileRef);
        if (destination.Length < Spec.TensorLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; a tile needs {Spec.TensorLength}.", nameof(destination));
        }

        if (content.IsEmpty)
        {
            return DecodeResult.Fail(DecodeFailure.Empty, tileRef, "is empty (0 bytes).");
        }

        if (content.Length > MaxFileBytes)
        {
            return DecodeResult.Fail(DecodeFailure.TooLarge, tileRef, $"is larger than the {Number(MaxFileBytes)}-byte limit.");
        }

        try
        {
            return DecodeChecked(tileRef, content, destination);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OutOfMemoryException)
        {
            return DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"could not be decoded ({ex.Message}).");
        }
    }

    /// <summary>Decodes into a new array; for callers outside the batch path (tests, training).</summary>
    public DecodeResult Decode(string tileRef, ReadOnlySpan<byte> content, out float[] tensor)
    {
        tensor = new float[Spec.TensorLength];
        return Decode(tileRef, content, tensor);
    }

    private DecodeResult DecodeChecked(string tileRef, ReadOnlySpan<byte> content, Span<float> destination)
    {
        using var data = SKData.CreateCopy(content);

        // The codec owns the stream from here on (SkiaSharp revokes managed ownership, also when creation fails).
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var opened);
        if (codec is null)
        {
            return (opened, LooksLikeImage(content)) switch
            {
                (_, false) => DecodeResult.Fail(DecodeFailure.Unsupported, tileRef, "is not a PNG or JPEG image."),
                (SKCodecResult.IncompleteInput, _) => DecodeResult.Fail(DecodeFailure.Truncated, tileRef, "is truncated inside its image header."),
                _ => DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"has a damaged image header ({opened})."),
            };
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return DecodeResult.Fail(DecodeFailure.Unsupported, tileRef, $"is {codec.EncodedFormat}, not PNG or JPEG.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MaxSide || height > MaxSide || width <= 0 || height <= 0)
        {
            return DecodeResult.Fail(DecodeFailure.Oversize, tileRef, $"claims {width}x{height} px; the limit is {MaxSide} px on a side.");
        }

        var resized = width != Spec.Width || height != Spec.Height;
        if (resized && Resize == ResizePolicy.Reject)
        {
            return DecodeResult.Fail(DecodeFailure.WrongSize, tileRef, $"is {width}x{height} px; the model needs {Spec.Width}x{Spec.Height}.");
        }

        // Unpremultiplied RGBA and no colour space: the file's own byte values, alpha kept apart from colour.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.IncompleteInput)
        {
            return DecodeResult.Fail(DecodeFailure.Truncated, tileRef, "is truncated: the image data ends early.");
        }

        if (result != SKCodecResult.Success)
        {
            return DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"could not be decoded ({result}).");
        }

        DropAlpha(bitmap);
        if (!resized)
        {
            WritePlanes(bitmap, destination);
            return DecodeResult.Ok(false);
        }

        using var scaled = bitmap.Resize(new SKImageInfo(Spec.Width, Spec.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), Sampling);
        if (scaled is null)
        {
            return DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"could not be resized from {width}x{height}.");
        }

        WritePlanes(scaled, destination);
        return DecodeResult.Ok(true);
    }

    /// <summary>Alpha is not part of the image for scoring: make every pixel opaque so resampling never darkens colour.</summary>
    private static void DropAlpha(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
    }

    private void WritePlanes(SKBitmap bitmap, Span<float> destination)
    {
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        var area = Spec.Width * Spec.Height;
        var rowBytes = bitmap.RowBytes;
        var (rPlane, bPlane) = Spec.Bgr ? (2, 0) : (0, 2);
        var red = destination.Slice(rPlane * area, area);
        var green = destination.Slice(area, area);
        var blue = destination.Slice(bPlane * area, area);
        var lookup = _lookup.AsSpan();
        var rTable = lookup.Slice(rPlane * 256, 256);
        var gTable = lookup.Slice(256, 256);
        var bTable = lookup.Slice(bPlane * 256, 256);
        for (var y = 0; y < Spec.Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, Spec.Width * 4);
            var offset = y * Spec.Width;
            for (var x = 0; x < Spec.Width; x++)
            {
                red[offset + x] = rTable[row[x * 4]];
                green[offset + x] = gTable[row[(x * 4) + 1]];
                blue[offset + x] = bTable[row[(x * 4) + 2]];
            }
        }
    }

    private static bool LooksLikeImage(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
