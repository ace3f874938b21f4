using BitMiracle.LibTiff.Classic;

namespace LandUse.Geo.Tests.Support;

/// <summary>How a test GeoTIFF is laid out and georeferenced.</summary>
public sealed record GeoTiffSpec
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public int Bands { get; init; } = 4;

    /// <summary>EPSG code written to the GeoKeys; null writes no GeoKeyDirectory.</summary>
    public int? Epsg { get; init; } = 26918;

    public double OriginX { get; init; }

    public double OriginY { get; init; }

    public double PixelSize { get; init; } = 1;

    /// <summary>None: no georeferencing tags at all; Tiepoint: ModelTiepoint + ModelPixelScale; Matrix: ModelTransformation.</summary>
    public GeoReferencing Referencing { get; init; } = GeoReferencing.Tiepoint;

    public bool PixelIsPoint { get; init; }

    public Compression Compression { get; init; } = Compression.DEFLATE;

    /// <summary>Tile side for a tiled file (a multiple of 16); null writes strips.</summary>
    public int? TileSide { get; init; }

    public int RowsPerStrip { get; init; } = 16;

    public bool Planar { get; init; }

    /// <summary>GDAL_NODATA text; null writes no tag.</summary>
    public string? NoData { get; init; }

    public int BitsPerSample { get; init; } = 8;

    public SampleFormat SampleFormat { get; init; } = SampleFormat.UINT;

    /// <summary>With JPEG compression: store YCbCr (LibTiff converts the RGB rows written) rather than RGB.</summary>
    public bool YCbCr { get; init; }
}

/// <summary>Which georeferencing tags a test GeoTIFF carries.</summary>
public enum GeoReferencing
{
    None,
    Tiepoint,
    Matrix,
}

/// <summary>
/// Writes GeoTIFFs for tests with LibTiff.NET: rows come from a callback (chunky, all bands) and are written as strips
/// or tiles, chunky or planar, one band of rows at a time, so large scenes never sit in memory here either.
/// </summary>
public static class GeoTiffWriter
{
    private static readonly TiffFieldInfo[] GeoFields =
    [
        new(TiffTag.GEOTIFF_MODELPIXELSCALETAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScaleTag"),
        new(TiffTag.GEOTIFF_MODELTIEPOINTTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepointTag"),
        new(TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformationTag"),
        new(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, -1, -1, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectoryTag"),
        new(TiffTag.GDAL_NODATA, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataTag"),
    ];

    /// <summary>Writes <paramref name="path"/>; <paramref name="row"/> fills one row of all bands interleaved (Width x Bands bytes).</summary>
    public static void Write(string path, GeoTiffSpec spec, Action<int, byte[]> row)
    {
        using var tiff = Tiff.Open(path, "w") ?? throw new InvalidOperationException($"LibTiff could not create {path}.");
        tiff.MergeFieldInfo(GeoFields, GeoFields.Length);
        tiff.SetField(TiffTag.IMAGEWIDTH, spec.Width);
        tiff.SetField(TiffTag.IMAGELENGTH, spec.Height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, spec.Bands);
        tiff.SetField(TiffTag.BITSPERSAMPLE, spec.BitsPerSample);
        tiff.SetField(TiffTag.SAMPLEFORMAT, spec.SampleFormat);
        tiff.SetField(TiffTag.PLANARCONFIG, spec.Planar ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.PHOTOMETRIC, spec.Bands >= 3 ? Photometric.RGB : Photometric.MINISBLACK);
        if (spec.Bands > 3)
        {
            tiff.SetField(TiffTag.EXTRASAMPLES, spec.Bands - 3, new short[spec.Bands - 3]);
        }

        tiff.SetField(TiffTag.COMPRESSION, spec.Compression);
        if (spec.YCbCr)
        {
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.YCBCR);
            tiff.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB);
        }

        Georeference(tiff, spec);
        var bytesPerSample = spec.BitsPerSample / 8;
        var rowBytes = spec.Width * spec.Bands;
        if (spec.TileSide is { } side)
        {
            WriteTiles(tiff, spec, side, row, rowBytes, bytesPerSample);
        }
        else
        {
            WriteStrips(tiff, spec, row, rowBytes, bytesPerSample);
        }
    }

    private static void Georeference(Tiff tiff, GeoTiffSpec spec)
    {
        switch (spec.Referencing)
        {
            case GeoReferencing.Tiepoint:
                var (x, y) = spec.PixelIsPoint ? (spec.OriginX + (spec.PixelSize / 2), spec.OriginY - (spec.PixelSize / 2)) : (spec.OriginX, spec.OriginY);
                tiff.SetField(TiffTag.GEOTIFF_MODELPIXELSCALETAG, 3, new[] { spec.PixelSize, spec.PixelSize, 0 });
                tiff.SetField(TiffTag.GEOTIFF_MODELTIEPOINTTAG, 6, new[] { 0, 0, 0, x, y, 0 });
                break;
            case GeoReferencing.Matrix:
                tiff.SetField(TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG, 16, new[]
                {
                    spec.PixelSize, 0, 0, spec.OriginX,
                    0, -spec.PixelSize, 0, spec.OriginY,
                    0, 0, 0, 0,
                    0, 0, 0, 1,
                });
                break;
        }

        if (spec.Epsg is { } epsg)
        {
            var geographic = epsg == 4326;
            short[] keys =
            [
                1, 1, 0, 3,
                1024, 0, 1, (short)(geographic ? 2 : 1),
                1025, 0, 1, (short)(spec.PixelIsPoint ? 2 : 1),
                (short)(geographic ? 2048 : 3072), 0, 1, (short)epsg,
            ];
            tiff.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
        }

        if (spec.NoData is { } noData)
        {
            tiff.SetField(TiffTag.GDAL_NODATA, noData);
        }
    }

    private static void WriteStrips(Tiff tiff, GeoTiffSpec spec, Action<int, byte[]> row, int rowBytes, int bytesPerSample)
    {
        tiff.SetField(TiffTag.ROWSPERSTRIP, spec.RowsPerStrip);
        var chunky = new byte[rowBytes];
        var planes = spec.Planar ? spec.Bands : 1;
        var samples = spec.Planar ? 1 : spec.Bands;
        var output = new byte[spec.Width * samples * bytesPerSample];
        for (var plane = 0; plane < planes; plane++)
        {
            for (var y = 0; y < spec.Height; y++)
            {
                row(y, chunky);
                for (var x = 0; x < spec.Width; x++)
                {
                    for (var s = 0; s < samples; s++)
                    {
                        var value = chunky[(x * spec.Bands) + (spec.Planar ? plane : s)];
                        output[((x * samples) + s) * bytesPerSample] = value; // wider samples: value in the low byte, little-endian
                    }
                }

                if (!tiff.WriteScanline(output, y, (short)plane))
                {
                    throw new InvalidOperationException($"LibTiff could not write row {y} of {spec.Width} x {spec.Height}.");
                }
            }
        }
    }

    private static void WriteTiles(Tiff tiff, GeoTiffSpec spec, int side, Action<int, byte[]> row, int rowBytes, int bytesPerSample)
    {
        tiff.SetField(TiffTag.TILEWIDTH, side);
        tiff.SetField(TiffTag.TILELENGTH, side);
        var planes = spec.Planar ? spec.Bands : 1;
        var samples = spec.Planar ? 1 : spec.Bands;
        var band = new byte[side * rowBytes];
        var chunky = new byte[rowBytes];
        var tile = new byte[side * side * samples * bytesPerSample];
        var across = (spec.Width + side - 1) / side;
        for (var top = 0; top < spec.Height; top += side)
        {
            Array.Clear(band);
            for (var y = top; y < Math.Min(top + side, spec.Height); y++)
            {
                row(y, chunky);
                chunky.CopyTo(band, (y - top) * rowBytes);
            }

            for (var plane = 0; plane < planes; plane++)
            {
                for (var t = 0; t < across; t++)
                {
                    Array.Clear(tile);
                    for (var r = 0; r < side; r++)
                    {
                        for (var c = 0; c < side && (t * side) + c < spec.Width; c++)
                        {
                            for (var s = 0; s < samples; s++)
                            {
                                tile[((((r * side) + c) * samples) + s) * bytesPerSample] = band[(r * rowBytes) + ((((t * side) + c) * spec.Bands) + (spec.Planar ? plane : s))];
                            }
                        }
                    }

                    tiff.WriteEncodedTile(tiff.ComputeTile(t * side, top, 0, (short)plane), tile, tile.Length);
                }
            }
        }
    }
}
