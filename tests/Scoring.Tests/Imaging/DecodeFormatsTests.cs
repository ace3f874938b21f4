using LandUse.Scoring.Imaging;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;
using SkiaSharp;

namespace LandUse.Scoring.Tests.Imaging;

/// <summary>
/// The formats a tile may come in that decode to RGB and score: CMYK, progressive and grey JPEG, a 1 x 1 image; and the
/// row-streaming PNG path agrees exactly with the pixels for every PNG layout it reads.
/// </summary>
public sealed class DecodeFormatsTests
{
    private static readonly InputSpec Raw16 = new(16, 16, false, 1f, [0f, 0f, 0f], [1f, 1f, 1f]);

    [Fact]
    public void Adobe_cmyk_jpeg_decodes_to_the_rgb_its_inks_stand_for()
    {
        var jpeg = RawJpeg.Build(16, 16, 4, JpegLayout.Baseline, (_, _) => [200, 100, 50, 255]);
        var result = new TileDecoder(Raw16).Decode("cmyk.jpg", jpeg, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.InRange(t[0], 198f, 202f);
        Assert.InRange(t[256], 98f, 102f);
        Assert.InRange(t[512], 48f, 52f);
    }

    [Theory]
    [InlineData(JpegLayout.Baseline)]
    [InlineData(JpegLayout.Progressive)]
    public void Rgb_jpeg_decodes_in_either_layout(JpegLayout layout)
    {
        var jpeg = RawJpeg.Build(16, 16, 3, layout, (bx, _) => bx == 0 ? [200, 30, 30] : [20, 40, 220]);
        var result = new TileDecoder(Raw16).Decode("tile.jpg", jpeg, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.InRange(t[0], 196f, 204f);
        Assert.InRange(t[512 + 15], 216f, 224f);
    }

    [Fact]
    public void Grey_jpeg_fills_all_three_planes()
    {
        var jpeg = RawJpeg.Build(16, 16, 1, JpegLayout.Progressive, (_, _) => [77]);
        var result = new TileDecoder(Raw16).Decode("grey.jpg", jpeg, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.All(new[] { t[3], t[256 + 3], t[512 + 3] }, v => Assert.Equal(77f, v));
    }

    [Fact]
    public void A_one_pixel_image_is_resized_to_the_model_input()
    {
        var png = Images.SolidPng(1, 1, 10, 200, 30);
        var result = new TileDecoder(InputSpec.Rgb255()).Decode("dot.png", png, out var t);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Resized);
        Assert.Equal((10f, 200f, 30f), (t[500], t[(224 * 224) + 500], t[(2 * 224 * 224) + 500]));
    }

    public static TheoryData<string> Layouts => ["rgb8", "rgba8", "grey8", "grey2", "greyalpha16", "rgb16", "palette4"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_streaming_png_reader_gives_the_same_pixels_as_the_whole_decode(string layout)
    {
        var png = Png(layout);
        using var codec = SKCodec.Create(new SKMemoryStream(png));
        using var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        var rgba = new byte[bitmap.Width * bitmap.Height * 4];
        using var stream = new MemoryStream(png);

        var (failure, problem) = PngDownsampler.Decode(stream, bitmap.Width, bitmap.Height, rgba);

        Assert.True(failure == DecodeFailure.None, problem);
        var expected = bitmap.GetPixelSpan();
        for (var i = 0; i < rgba.Length; i += 4)
        {
            Assert.Equal((expected[i], expected[i + 1], expected[i + 2]), (rgba[i], rgba[i + 1], rgba[i + 2]));
        }
    }

    private static byte[] Png(string layout)
    {
        const int w = 13, h = 9;
        byte[][] Rows(Func<int, int, byte[]> pixel) =>
            [.. Enumerable.Range(0, h).Select(y => Enumerable.Range(0, w).SelectMany(x => pixel(x, y)).ToArray())];
        return layout switch
        {
            // SkiaSharp's encoder tries every row filter, so Sub, Up, Average and Paeth all appear.
            "rgb8" => Images.Encode(w, h, (x, y) => ((byte)(x * 19), (byte)(y * 27), (byte)((x * y) % 251), 255), SKEncodedImageFormat.Png),
            "rgba8" => Images.Encode(w, h, (x, y) => ((byte)(x * 7), (byte)(255 - (y * 9)), (byte)(x + y), 255), SKEncodedImageFormat.Png),
            "grey8" => Images.GrayPng(w, h, (x, y) => (byte)((x * 17) + (y * 3))),
            "grey2" => RawPng.Build(w, h, 0, 2, [.. Enumerable.Range(0, h).Select(y => Pack2(Enumerable.Range(0, w).Select(x => (x + y) % 4)))]),
            "greyalpha16" => RawPng.Build(w, h, 4, 16, Rows((x, y) => [(byte)(x * 11), 0x3C, 0x80, 0x00])),
            "rgb16" => RawPng.Build(w, h, 2, 16, Rows((x, y) => [(byte)(x * 9), 1, (byte)(y * 13), 2, 0xF0, 3])),
            _ => RawPng.Build(w, h, 3, 4, [.. Enumerable.Range(0, h).Select(y => Pack4(Enumerable.Range(0, w).Select(x => (x + (2 * y)) % 5)))], [255, 0, 0, 0, 255, 0, 0, 0, 255, 90, 90, 90, 10, 20, 30]),
        };
    }

    private static byte[] Pack2(IEnumerable<int> values) => Pack(values.ToArray(), 2);

    private static byte[] Pack4(IEnumerable<int> values) => Pack(values.ToArray(), 4);

    private static byte[] Pack(int[] values, int depth)
    {
        var bytes = new byte[((values.Length * depth) + 7) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            var bit = i * depth;
            bytes[bit >> 3] |= (byte)(values[i] << (8 - depth - (bit & 7)));
        }

        return bytes;
    }
}
