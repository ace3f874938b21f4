using FsCheck.Xunit;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;
using SkiaSharp;

namespace LandUse.Scoring.Tests.Imaging;

public sealed class TileDecoderTests
{
    private static readonly InputSpec Raw4 = new(4, 4, false, 1f, [0f, 0f, 0f], [1f, 1f, 1f]);

    [Fact]
    public void Rgb_png_gives_exact_planar_values()
    {
        var png = Images.Encode(4, 4, (x, y) => ((byte)(x * 10), (byte)(y * 20), 200, 255), SKEncodedImageFormat.Png);
        var result = new TileDecoder(Raw4).Decode("rgb.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Resized);
        Assert.Equal(30f, t[(1 * 4) + 3]);            // R plane, y=1, x=3
        Assert.Equal(40f, t[16 + (2 * 4) + 0]);       // G plane, y=2
        Assert.Equal(200f, t[32 + 5]);                // B plane
    }

    [Fact]
    public void Rgba_alpha_is_dropped_without_darkening_the_colour()
    {
        var png = Images.Encode(4, 4, (x, _) => (180, 90, 30, (byte)(x * 40 + 10)), SKEncodedImageFormat.Png);
        var result = new TileDecoder(Raw4).Decode("rgba.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.All(t[..16], v => Assert.Equal(180f, v));
        Assert.All(t[16..32], v => Assert.Equal(90f, v));
        Assert.All(t[32..], v => Assert.Equal(30f, v));
    }

    [Fact]
    public void Rgba_that_needs_resizing_is_not_darkened_either()
    {
        var png = Images.Encode(9, 7, (_, _) => (180, 90, 30, 20), SKEncodedImageFormat.Png);
        var result = new TileDecoder(Raw4).Decode("rgba-odd.png", png, out var t);

        Assert.True(result.Resized);
        Assert.All(t[..16], v => Assert.InRange(v, 179f, 181f));
    }

    [Fact]
    public void Grayscale_png_fills_all_three_planes()
    {
        var png = Images.GrayPng(4, 4, (x, y) => (byte)((x + y) * 25));
        var result = new TileDecoder(Raw4).Decode("gray.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(t[i], t[16 + i]);
            Assert.Equal(t[i], t[32 + i]);
        }

        Assert.Equal(150f, t[15]);
    }

    [Fact]
    public void Palette_png_maps_indices_to_palette_colours()
    {
        byte[] palette = [255, 0, 0, 0, 128, 255];
        var rows = Enumerable.Range(0, 4).Select(y => new byte[] { 0, 1, (byte)(y % 2), 1 }).ToArray();
        var png = RawPng.Build(4, 4, colorType: 3, bitDepth: 8, rows, palette);
        var result = new TileDecoder(Raw4).Decode("palette.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((255f, 0f, 0f), (t[0], t[16], t[32]));
        Assert.Equal((0f, 128f, 255f), (t[1], t[17], t[33]));
    }

    [Fact]
    public void Sixteen_bit_png_is_reduced_to_eight_bits()
    {
        var rows = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 4).SelectMany(_ => new byte[] { 0xAB, 0xAB, 0x10, 0x10, 0xFF, 0xFF }).ToArray()).ToArray();
        var png = RawPng.Build(4, 4, colorType: 2, bitDepth: 16, rows);
        var result = new TileDecoder(Raw4).Decode("deep.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((171f, 16f, 255f), (t[0], t[16], t[32]));
    }

    [Fact]
    public void Jpeg_decodes_close_to_its_colour()
    {
        var jpeg = Images.Encode(16, 16, (_, _) => (40, 160, 90, 255), SKEncodedImageFormat.Jpeg);
        var spec = Raw4 with { Width = 16, Height = 16 };
        var result = new TileDecoder(spec).Decode("tile.jpg", jpeg, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.InRange(t[0], 35f, 45f);
        Assert.InRange(t[256], 155f, 165f);
        Assert.InRange(t[512], 85f, 95f);
    }

    [Fact]
    public void Bgr_order_scale_mean_and_std_follow_the_spec()
    {
        var spec = new InputSpec(4, 4, true, 1f / 255f, [0.5f, 0.25f, 0f], [0.5f, 0.25f, 2f]);
        var png = Images.SolidPng(4, 4, 255, 0, 51);
        var result = new TileDecoder(spec).Decode("bgr.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((0.2f - 0.5f) / 0.5f, t[0], 1e-6f);     // plane 0 = blue
        Assert.Equal((0f - 0.25f) / 0.25f, t[16], 1e-6f);    // plane 1 = green
        Assert.Equal((1f - 0f) / 2f, t[32], 1e-6f);          // plane 2 = red
    }

    [Fact]
    public void Real_naip_tile_decodes_at_native_size()
    {
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("naip", File.ReadAllBytes(Samples.Developed224), out var t);
        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Resized);
        Assert.InRange(t.Average(), 20f, 235f);
    }

    [Fact]
    public void Odd_size_rgba_sample_is_resized_or_rejected_by_policy()
    {
        var bytes = File.ReadAllBytes(Samples.OddSizeRgba);
        var resized = new TileDecoder(InputSpec.Rgb255()).Decode("odd", bytes, out _);
        var rejected = new TileDecoder(InputSpec.Rgb255(), ResizePolicy.Reject).Decode("odd", bytes, out _);

        Assert.True(resized.Succeeded && resized.Resized, resized.Message);
        Assert.Equal(DecodeFailure.WrongSize, rejected.Failure);
        Assert.Contains("385x287", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_cap_is_rejected_before_decoding()
    {
        var result = new TileDecoder(InputSpec.Rgb255(), maxFileBytes: 1000).Decode("big.png", File.ReadAllBytes(Samples.Developed224), out _);
        Assert.Equal(DecodeFailure.TooLarge, result.Failure);
        Assert.Contains("'big.png'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_claiming_20000_px_is_rejected_before_decoding()
    {
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("huge.png", RawPng.LyingHeader(20_000, 20_000), out _);
        Assert.Equal(DecodeFailure.Oversize, result.Failure);
        Assert.Contains("20000x20000", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_byte_file_is_empty()
    {
        var result = new TileDecoder(Raw4).Decode("zero.png", [], out _);
        Assert.Equal(DecodeFailure.Empty, result.Failure);
        Assert.Contains("'zero.png'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_file_is_unsupported()
    {
        var result = new TileDecoder(Raw4).Decode("notes.png", "hello, not an image"u8, out _);
        Assert.Equal(DecodeFailure.Unsupported, result.Failure);
    }

    [Fact]
    public void Truncated_png_is_reported_as_truncated()
    {
        var bytes = File.ReadAllBytes(Samples.Developed224);
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("cut.png", bytes.AsSpan(0, bytes.Length / 2), out _);
        Assert.Equal(DecodeFailure.Truncated, result.Failure);
    }

    [Fact]
    public void Png_signature_followed_by_garbage_is_corrupt_or_truncated_not_unsupported()
    {
        byte[] bytes = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. "and then nothing like a PNG header at all, just text"u8];
        var result = new TileDecoder(Raw4).Decode("corrupt.png", bytes, out _);
        Assert.Contains(result.Failure, new[] { DecodeFailure.Corrupt, DecodeFailure.Truncated });
        Assert.Contains("'corrupt.png'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_cut_inside_its_header_is_truncated()
    {
        var bytes = File.ReadAllBytes(Samples.Developed224);
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("cut.png", bytes.AsSpan(0, 20), out _);
        Assert.Equal(DecodeFailure.Truncated, result.Failure);
    }

    [Property(MaxTest = 60)]
    public bool Damaged_bytes_never_throw(int cut, byte noise, int position)
    {
        var bytes = File.ReadAllBytes(Samples.Developed224);
        var length = 1 + (int)((uint)cut % (uint)bytes.Length);
        var damaged = bytes[..length];
        damaged[(int)((uint)position % (uint)length)] ^= noise;
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("fuzz.png", damaged, out _);
        return result.Succeeded || (result.Message is not null && result.Message.Contains("'fuzz.png'", StringComparison.Ordinal));
    }
}
