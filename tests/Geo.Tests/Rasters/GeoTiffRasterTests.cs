using BitMiracle.LibTiff.Classic;
using LandUse.Geo.Rasters;
using LandUse.Geo.Tests.Support;

namespace LandUse.Geo.Tests.Rasters;

public sealed class GeoTiffRasterTests : IDisposable
{
    private static readonly BlockPlan Plan = BlockPlan.Parse("FDC", "WHB");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(null, false, "NONE")]
    [InlineData(null, true, "DEFLATE")]
    [InlineData(16, false, "LZW")]
    [InlineData(16, true, "PACKBITS")]
    [InlineData(32, false, "ADOBE_DEFLATE")]
    public void Every_layout_and_compression_reads_back_the_pixels_written(int? tileSide, bool planar, string compression)
    {
        var path = _temp.Combine("scene.tif");
        var spec = SyntheticScenes.WriteScene(path, Plan, tilePixels: 20, pixelSize: 11.2,
            adjust: s => s with { TileSide = tileSide, Planar = planar, Compression = Enum.Parse<Compression>(compression), RowsPerStrip = 7 });

        using var raster = GeoTiffRaster.Open(path);
        var reader = new RowWindowReader(raster, [3, 0, 2]);
        var rows = new byte[raster.Width * 13 * 3];
        for (var top = 0; top < raster.Height; top += 13)
        {
            var bottom = Math.Min(top + 13, raster.Height);
            reader.Read(top, bottom, rows);
            for (var y = top; y < bottom; y++)
            {
                for (var x = 0; x < raster.Width; x++)
                {
                    var (r, _, b, nir) = BlockPlan.Colour(Plan[y / 20, x / 20], x, y, (x % 20 + 0.5) / 20);
                    var at = (((y - top) * raster.Width) + x) * 3;
                    Assert.Equal((nir, r, b), (rows[at], rows[at + 1], rows[at + 2]));
                }
            }
        }

        Assert.Equal((60, 40, 4), (raster.Width, raster.Height, raster.BandCount));
        Assert.Equal(tileSide is not null, raster.Blocks.Tiled);
        Assert.Equal(planar, raster.Blocks.Planar);
        _ = spec;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JPEG_compressed_RGB_and_YCbCr_scenes_read_back_close_to_the_pixels_written(bool yCbCr)
    {
        var path = _temp.Combine("jpeg.tif");
        SyntheticScenes.WriteScene(path, Plan, tilePixels: 32, pixelSize: 7,
            adjust: s => s with { Bands = 3, Compression = Compression.JPEG, TileSide = 32, YCbCr = yCbCr });

        using var raster = GeoTiffRaster.Open(path);
        var rows = new byte[raster.Width * raster.Height * 3];
        new RowWindowReader(raster, [0, 1, 2]).Read(0, raster.Height, rows);

        for (var block = 0; block < 6; block++)
        {
            var (x, y) = ((block % 3 * 32) + 16, (block / 3 * 32) + 16);
            var (r, g, b, _) = BlockPlan.Colour(Plan[block / 3, block % 3], x, y, 0.5);
            var at = ((y * raster.Width) + x) * 3;
            Assert.InRange(Math.Abs(rows[at] - r) + Math.Abs(rows[at + 1] - g) + Math.Abs(rows[at + 2] - b), 0, 60);
        }
    }

    [Fact]
    public void Tiepoint_and_pixel_scale_give_the_corner_and_pixel_size()
    {
        var path = _temp.Combine("a.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, pixelSize: 0.6, originX: 312_345.5, originY: 4_400_100.25);

        using var raster = GeoTiffRaster.Open(path);

        Assert.Equal(new GeoTransform(312_345.5, 4_400_100.25, 0.6, 0.6), raster.Transform);
        Assert.Equal(26918, raster.Crs.Epsg);
        Assert.False(raster.HasNoDataTag);
    }

    [Fact]
    public void ModelTransformation_gives_the_same_grid_as_tiepoints()
    {
        var path = _temp.Combine("m.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, pixelSize: 2, adjust: s => s with { Referencing = GeoReferencing.Matrix });

        using var raster = GeoTiffRaster.Open(path);

        Assert.Equal(new GeoTransform(SyntheticScenes.OriginX, SyntheticScenes.OriginY, 2, 2), raster.Transform);
    }

    [Fact]
    public void PixelIsPoint_tiepoints_are_shifted_to_the_pixel_corner()
    {
        var path = _temp.Combine("p.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, pixelSize: 2, adjust: s => s with { PixelIsPoint = true });

        using var raster = GeoTiffRaster.Open(path);

        Assert.Equal(SyntheticScenes.OriginX, raster.Transform.OriginX, 1e-9);
        Assert.Equal(SyntheticScenes.OriginY, raster.Transform.OriginY, 1e-9);
    }

    [Theory]
    [InlineData("0", true, (byte)0)]
    [InlineData("255", true, (byte)255)]
    [InlineData("-9999", true, null)]
    [InlineData(null, false, null)]
    public void GDAL_NODATA_is_read_when_it_is_a_byte_value(string? tag, bool hasTag, byte? value)
    {
        var path = _temp.Combine("n.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, adjust: s => s with { NoData = tag });

        using var raster = GeoTiffRaster.Open(path);

        Assert.Equal((hasTag, value), (raster.HasNoDataTag, raster.NoData));
    }

    [Fact]
    public void A_file_that_is_not_a_TIFF_is_named()
    {
        var path = _temp.Combine("notes.tif");
        File.WriteAllText(path, "just some text, not an image");

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.StartsWith(path + ": not a readable TIFF", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_plain_TIFF_without_georeferencing_is_named()
    {
        var path = _temp.Combine("plain.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, adjust: s => s with { Referencing = GeoReferencing.None, Epsg = null });

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.StartsWith(path + ": it has no georeferencing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Georeferencing_without_GeoKeys_is_named()
    {
        var path = _temp.Combine("nokeys.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, adjust: s => s with { Epsg = null });

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.Contains("no GeoKeyDirectory", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, SampleFormat.UINT, "its bands are 16-bit; only 8-bit unsigned bands are supported")]
    [InlineData(32, SampleFormat.IEEEFP, "its bands are 32-bit floating point; only 8-bit unsigned bands are supported")]
    [InlineData(8, SampleFormat.INT, "its bands are 8-bit INT; only 8-bit unsigned bands are supported")]
    public void Bands_that_are_not_8_bit_unsigned_are_refused(int bits, SampleFormat format, string expected)
    {
        var path = _temp.Combine($"deep{bits}.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, adjust: s => s with { BitsPerSample = bits, SampleFormat = format });

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.Equal($"{path}: {expected}.", ex.Message);
    }

    [Theory]
    [InlineData(3857)]
    [InlineData(4269)]
    [InlineData(26924)]
    [InlineData(32701)]
    public void An_unsupported_EPSG_code_is_named(int epsg)
    {
        var path = _temp.Combine($"crs{epsg}.tif");
        SyntheticScenes.WriteScene(path, Plan, 8, epsg: epsg);

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.StartsWith($"{path}: EPSG:{epsg} is not a supported coordinate system", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_strip_is_an_error_naming_the_file_when_read()
    {
        var path = _temp.Combine("cut.tif");
        SyntheticScenes.WriteScene(path, Plan, 8);
        TiffSurgery.TruncateLastStrip(path);

        using var raster = GeoTiffRaster.Open(path);
        var reader = new RowWindowReader(raster, [0, 1, 2]);
        var ex = Assert.Throws<GeoDataException>(() => reader.Read(0, raster.Height, new byte[raster.Width * raster.Height * 3]));

        Assert.StartsWith($"{path}: strip", ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_in_half_is_not_a_readable_TIFF()
    {
        var path = _temp.Combine("half.tif");
        SyntheticScenes.WriteScene(path, Plan, 8);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<GeoDataException>(() => GeoTiffRaster.Open(path));

        Assert.StartsWith(path + ": not a readable TIFF", ex.Message, StringComparison.Ordinal);
    }
}
