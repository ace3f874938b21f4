using LandUse.Scoring.Imaging;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Imaging;

/// <summary>
/// No decode holds more than <see cref="TileLimits.MaxDecodeBytes"/> of pixels: measured as the bytes a decode allocates
/// (its pixel buffers are managed so they count), for an image decoded whole, one streamed row by row, one decoded at a
/// reduced scale, and one refused from its header.
/// </summary>
public sealed class DecodeBoundsTests
{
    private const long Slack = 1024 * 1024;

    [Fact]
    public void A_9000_px_png_streams_into_the_model_size_allocating_under_one_mebibyte()
    {
        var png = BigPng(9000, 9000, Checker);
        var decoder = new TileDecoder(InputSpec.Rgb255());
        var tensor = new float[decoder.Spec.TensorLength];

        var (result, allocated) = Measure(() => decoder.Decode("big.png", png, tensor));

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Resized);
        Assert.True(allocated < Slack, $"the 9000 px decode allocated {allocated:N0} bytes");
        Assert.InRange(tensor.Take(224 * 224).Average(), 60f, 200f);
    }

    [Fact]
    public void A_streamed_png_is_the_exact_area_average_of_its_pixels()
    {
        // 4480 = 20 x 224 (20 Mpx, over the whole-decode cap): each output pixel is one flat 20 x 20 cell.
        var png = BigPng(4480, 4480, (x, y) => ((byte)(x / 20), (byte)(y / 20), (byte)((x / 20) ^ (y / 20))));
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("cells.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        const int area = 224 * 224;
        foreach (var (x, y) in new[] { (0, 0), (17, 3), (223, 223), (100, 200) })
        {
            Assert.Equal(x, t[(y * 224) + x]);
            Assert.Equal(y, t[area + (y * 224) + x]);
            Assert.Equal(x ^ y, t[(2 * area) + (y * 224) + x]);
        }
    }

    [Fact]
    public void A_png_under_the_pixel_cap_is_decoded_whole_within_the_stated_bound()
    {
        var png = BigPng(4000, 4000, Checker);
        var decoder = new TileDecoder(InputSpec.Rgb255());
        var tensor = new float[decoder.Spec.TensorLength];

        var (result, allocated) = Measure(() => decoder.Decode("whole.png", png, tensor));

        Assert.True(result.Succeeded, result.Message);
        Assert.InRange(allocated, 4000L * 4000 * 4, TileLimits.MaxDecodeBytes + Slack);
    }

    [Fact]
    public void A_header_claiming_100000_px_is_refused_allocating_next_to_nothing()
    {
        var png = RawPng.LyingHeader(100_000, 100_000);
        var decoder = new TileDecoder(InputSpec.Rgb255());
        var tensor = new float[decoder.Spec.TensorLength];

        var (result, allocated) = Measure(() => decoder.Decode("claim.png", png, tensor));

        Assert.Equal(DecodeFailure.Oversize, result.Failure);
        Assert.Contains("100000x100000", result.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 * 1024, $"refusing the header allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_9000_px_baseline_jpeg_is_decoded_at_one_eighth_scale_within_the_bound()
    {
        var jpeg = RawJpeg.Build(9000, 9000, 3, JpegLayout.Baseline, (_, _) => [40, 160, 90]);
        var decoder = new TileDecoder(InputSpec.Rgb255());
        var tensor = new float[decoder.Spec.TensorLength];

        var (result, allocated) = Measure(() => decoder.Decode("big.jpg", jpeg, tensor));

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Resized);
        Assert.True(allocated < (1125L * 1125 * 4) + Slack, $"the 9000 px JPEG decode allocated {allocated:N0} bytes");
        Assert.InRange(tensor[0], 36f, 44f);
        Assert.InRange(tensor[(224 * 224) + 5], 156f, 164f);
    }

    [Fact]
    public void Large_images_whose_decoders_need_them_whole_are_refused_naming_why()
    {
        var progressive = RawJpeg.Build(6000, 6000, 3, JpegLayout.Progressive, (_, _) => [40, 160, 90]);
        var interlaced = BigPng(4200, 4200, Checker, interlaced: true);
        var decoder = new TileDecoder(InputSpec.Rgb255());

        var jpeg = decoder.Decode("prog.jpg", progressive, out _);
        var png = decoder.Decode("adam7.png", interlaced, out _);

        Assert.Equal(DecodeFailure.Oversize, jpeg.Failure);
        Assert.Contains("progressive JPEG", jpeg.Message, StringComparison.Ordinal);
        Assert.Equal(DecodeFailure.Oversize, png.Failure);
        Assert.Contains("interlaced", png.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_png_cut_short_is_truncated_and_a_damaged_one_corrupt()
    {
        var png = BigPng(4200, 4200, Checker);
        var decoder = new TileDecoder(InputSpec.Rgb255());
        var damaged = png.ToArray();
        damaged.AsSpan(png.Length / 2, 64).Fill(0x55);

        var cut = decoder.Decode("cut.png", png.AsSpan(0, png.Length / 2), out _);
        var bad = decoder.Decode("bad.png", damaged, out _);

        Assert.Equal(DecodeFailure.Truncated, cut.Failure);
        Assert.Contains(bad.Failure, new[] { DecodeFailure.Corrupt, DecodeFailure.Truncated });
        Assert.Contains("'bad.png'", bad.Message, StringComparison.Ordinal);
    }

    private static (byte, byte, byte) Checker(int x, int y) => ((x / 64) + (y / 64)) % 2 == 0 ? ((byte)200, (byte)120, (byte)40) : ((byte)30, (byte)90, (byte)150);

    private static byte[] BigPng(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel, bool interlaced = false)
    {
        using var stream = new MemoryStream();
        RawPng.WriteRows(stream, width, height, (y, row) =>
        {
            for (var x = 0; x < width; x++)
            {
                (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]) = pixel(x, y);
            }
        }, interlaced);
        return stream.ToArray();
    }

    private static (DecodeResult Result, long Allocated) Measure(Func<DecodeResult> decode)
    {
        decode(); // Warm up: JIT, pools and SkiaSharp's own statics are not the decode's memory.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = decode();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
