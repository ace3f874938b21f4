using System.Globalization;
using LandUse.Scoring.Inference;
using SkiaSharp;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// The one decoder: PNG or JPEG bytes (RGB, RGBA, grey, palette, 16-bit, CMYK, progressive) to planar float tensor
/// values. Limits are checked before any pixel is decoded, no decode holds more than <see cref="TileLimits.MaxDecodeBytes"/>
/// of pixels, alpha is dropped without premultiplying, and every failure is a typed result.
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

        return DecodeBounded(tileRef, content, data, codec, destination);
    }

    /// <summary>
    /// Decodes within <see cref="TileLimits.MaxDecodeBytes"/>: a JPEG at the smallest scale (1/8 to 1) still at least the
    /// model's size, an image of at most <see cref="TileLimits.MaxDecodePixels"/> whole, a larger non-interlaced PNG row
    /// by row into the model's size; a larger image whose decoder needs it whole (interlaced PNG, progressive JPEG) is refused.
    /// </summary>
    private DecodeResult DecodeBounded(string tileRef, ReadOnlySpan<byte> content, SKData data, SKCodec codec, Span<float> destination)
    {
        var png = codec.EncodedFormat == SKEncodedImageFormat.Png;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > TileLimits.MaxDecodePixels)
        {
            // Interlaced PNGs and progressive JPEGs are held whole by their decoders (libjpeg's coefficients), at any scale.
            var header = ImageHeader.Read(content, png);
            if (header.NeedsWholeImage)
            {
                return TooManyPixels(tileRef, $"is {header.Layout} of {width}x{height} px; its decoder needs the whole image in memory");
            }

            if (png)
            {
                return DecodeStreamed(tileRef, data, destination);
            }
        }

        var size = png ? codec.Info.Size : JpegScale(codec);
        return (long)size.Width * size.Height > TileLimits.MaxDecodePixels
            ? TooManyPixels(tileRef, $"is {width}x{height} px and cannot be decoded smaller than {size.Width}x{size.Height}")
            : DecodeWhole(tileRef, codec, size, destination);
    }

    private static DecodeResult TooManyPixels(string tileRef, string what) =>
        DecodeResult.Fail(DecodeFailure.Oversize, tileRef, $"{what}, more than the {Number(TileLimits.MaxDecodePixels)}-pixel decode limit.");

    /// <summary>A non-interlaced PNG over the pixel cap, streamed row by row into the model's size (see <see cref="PngDownsampler"/>).</summary>
    private DecodeResult DecodeStreamed(string tileRef, SKData data, Span<float> destination)
    {
        var rgba = new byte[Spec.Width * Spec.Height * 4];
        using var stream = data.AsStream(streamDisposesData: false);
        var (failure, problem) = PngDownsampler.Decode(stream, Spec.Width, Spec.Height, rgba);
        if (failure != DecodeFailure.None)
        {
            return DecodeResult.Fail(failure, tileRef, problem!);
        }

        WritePlanes(rgba, Spec.Width * 4, destination);
        return DecodeResult.Ok(true);
    }

    /// <summary>The smallest size (1/8 steps) libjpeg can decode the JPEG at that still covers the model input.</summary>
    private SKSizeI JpegScale(SKCodec codec)
    {
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (size.Width >= Spec.Width && size.Height >= Spec.Height)
            {
                return size;
            }
        }

        return codec.Info.Size;
    }

    private DecodeResult DecodeWhole(string tileRef, SKCodec codec, SKSizeI size, Span<float> destination)
    {
        // Unpremultiplied RGBA and no colour space: the file's own byte values, alpha kept apart from colour.
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var pixels = PixelBuffer.Rent(info.BytesSize);
        var result = codec.GetPixels(info, pixels.Address);
        if (result == SKCodecResult.IncompleteInput)
        {
            return DecodeResult.Fail(DecodeFailure.Truncated, tileRef, "is truncated: the image data ends early.");
        }

        if (result != SKCodecResult.Success)
        {
            return DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"could not be decoded ({result}).");
        }

        DropAlpha(pixels.Span);
        var resized = codec.Info.Width != Spec.Width || codec.Info.Height != Spec.Height;
        if (size.Width == Spec.Width && size.Height == Spec.Height)
        {
            WritePlanes(pixels.Span, info.RowBytes, destination);
            return DecodeResult.Ok(resized);
        }

        var target = new SKImageInfo(Spec.Width, Spec.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var scaled = PixelBuffer.Rent(target.BytesSize);
        using (var from = new SKPixmap(info, pixels.Address, info.RowBytes))
        using (var to = new SKPixmap(target, scaled.Address, target.RowBytes))
        {
            if (!from.ScalePixels(to, Sampling))
            {
                return DecodeResult.Fail(DecodeFailure.Corrupt, tileRef, $"could not be resized from {size.Width}x{size.Height}.");
            }
        }

        WritePlanes(scaled.Span, target.RowBytes, destination);
        return DecodeResult.Ok(true);
    }

    /// <summary>Alpha is not part of the image for scoring: make every pixel opaque so resampling never darkens colour.</summary>
    private static void DropAlpha(Span<byte> pixels)
    {
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
    }

    private void WritePlanes(ReadOnlySpan<byte> pixels, int rowBytes, Span<float> destination)
    {
        var area = Spec.Width * Spec.Height;
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
