using System.Globalization;
using BitMiracle.LibTiff.Classic;
using LandUse.Geo.Crs;

namespace LandUse.Geo.Rasters;

/// <summary>
/// An open 8-bit GeoTIFF (stripped or tiled, chunky or planar, any band count, any compression LibTiff decodes) with
/// its georeferencing and CRS checked on open. Pixels are read block by block (<see cref="RasterBlocks"/>), never whole.
/// </summary>
public sealed class GeoTiffRaster : IDisposable
{
    private readonly Tiff _tiff;

    private GeoTiffRaster(string path, Tiff tiff, int width, int height, int bands, GeoTransform transform, SupportedCrs crs, byte? noData)
    {
        Path = path;
        _tiff = tiff;
        Width = width;
        Height = height;
        BandCount = bands;
        Transform = transform;
        Crs = crs;
        NoData = noData;
        Blocks = new RasterBlocks(path, tiff, width, height, bands);
    }

    /// <summary>The file as given (used in every message).</summary>
    public string Path { get; }

    public int Width { get; }

    public int Height { get; }

    public int BandCount { get; }

    public GeoTransform Transform { get; }

    public SupportedCrs Crs { get; }

    /// <summary>The GDAL_NODATA value when it is a whole number 0-255, else null (no pixel value means no data).</summary>
    public byte? NoData { get; }

    /// <summary>True when the file had a GDAL_NODATA tag at all.</summary>
    public bool HasNoDataTag { get; private init; }

    internal RasterBlocks Blocks { get; }

    /// <summary>Opens and checks a raster; every problem is a <see cref="GeoDataException"/> naming the file.</summary>
    public static GeoTiffRaster Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw GeoDataException.For(path, "the file does not exist.");
        }

        LibTiffSetup.EnsureInstalled();
        LibTiffSetup.ClearError();
        Tiff? tiff;
        try
        {
            tiff = Tiff.Open(path, "r");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
        {
            throw GeoDataException.For(path, $"not a readable TIFF ({ex.Message}).", ex);
        }

        if (tiff is null)
        {
            throw GeoDataException.For(path, $"not a readable TIFF ({Clean(path, LibTiffSetup.LastError("LibTiff could not open it"))}).");
        }

        try
        {
            return Check(path, tiff);
        }
        catch
        {
            tiff.Dispose();
            throw;
        }
    }

    public void Dispose() => _tiff.Dispose();

    /// <summary>LibTiff prefixes its messages with the file name; ours already start with it.</summary>
    internal static string Clean(string path, string message)
    {
        var prefix = path + ": ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private static GeoTiffRaster Check(string path, Tiff tiff)
    {
        var width = Int(tiff, TiffTag.IMAGEWIDTH) ?? 0;
        var height = Int(tiff, TiffTag.IMAGELENGTH) ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw GeoDataException.For(path, string.Create(CultureInfo.InvariantCulture, $"the image is {width} x {height} pixels."));
        }

        var bands = Int(tiff, TiffTag.SAMPLESPERPIXEL) ?? 1;
        var bits = Int(tiff, TiffTag.BITSPERSAMPLE) ?? 1;
        var format = (SampleFormat)(Int(tiff, TiffTag.SAMPLEFORMAT) ?? (int)SampleFormat.UINT);
        if (format == SampleFormat.IEEEFP)
        {
            throw GeoDataException.For(path, string.Create(CultureInfo.InvariantCulture, $"its bands are {bits}-bit floating point; only 8-bit unsigned bands are supported."));
        }

        if (bits != 8)
        {
            throw GeoDataException.For(path, string.Create(CultureInfo.InvariantCulture, $"its bands are {bits}-bit; only 8-bit unsigned bands are supported."));
        }

        if (format != SampleFormat.UINT)
        {
            throw GeoDataException.For(path, $"its bands are 8-bit {format}; only 8-bit unsigned bands are supported.");
        }

        var photometric = (Photometric)(Int(tiff, TiffTag.PHOTOMETRIC) ?? (int)Photometric.MINISBLACK);
        var compression = (Compression)(Int(tiff, TiffTag.COMPRESSION) ?? (int)Compression.NONE);
        if (photometric == Photometric.YCBCR)
        {
            if (compression is not (Compression.JPEG or Compression.OJPEG))
            {
                throw GeoDataException.For(path, "its pixels are YCbCr without JPEG compression; only RGB, grey, palette or JPEG-YCbCr scenes are supported.");
            }

            tiff.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB); // LibTiff converts JPEG YCbCr back to RGB while decoding
        }

        var transform = ReadTransform(path, tiff);
        var keys = tiff.GetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG) is { Length: >= 2 } k
            ? GeoKeys.Parse(path, k[1].ToShortArray())
            : throw GeoDataException.For(path, "it has pixel georeferencing but no GeoKeyDirectory, so its coordinate system is unknown.");
        if (keys.PixelIsPoint)
        {
            // PixelIsPoint: the tie point is a pixel's centre; shift to the corner as GDAL does.
            transform = transform with { OriginX = transform.OriginX - (transform.PixelWidth / 2), OriginY = transform.OriginY + (transform.PixelHeight / 2) };
        }

        var crs = SupportedCrs.Get(keys.Epsg(path), path);
        var (hasTag, noData) = ReadNoData(tiff);
        return new GeoTiffRaster(path, tiff, width, height, bands, transform, crs, noData) { HasNoDataTag = hasTag };
    }

    private static GeoTransform ReadTransform(string path, Tiff tiff)
    {
        var scale = Doubles(tiff, TiffTag.GEOTIFF_MODELPIXELSCALETAG);
        var tie = Doubles(tiff, TiffTag.GEOTIFF_MODELTIEPOINTTAG);
        var matrix = Doubles(tiff, TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG);
        GeoTransform t;
        if (scale is { Length: >= 2 } && tie is { Length: >= 6 })
        {
            t = new GeoTransform(tie[3] - (tie[0] * scale[0]), tie[4] + (tie[1] * scale[1]), scale[0], scale[1]);
        }
        else if (matrix is { Length: >= 16 })
        {
            if (matrix[1] != 0 || matrix[4] != 0)
            {
                throw GeoDataException.For(path, "its ModelTransformation rotates or shears the pixels; only north-up rasters are supported.");
            }

            t = new GeoTransform(matrix[3], matrix[7], matrix[0], -matrix[5]);
        }
        else
        {
            throw GeoDataException.For(path, "it has no georeferencing (ModelTiepoint + ModelPixelScale, or ModelTransformation); is it a plain TIFF rather than a GeoTIFF?");
        }

        if (!(t.PixelWidth > 0 && t.PixelHeight > 0 && double.IsFinite(t.OriginX) && double.IsFinite(t.OriginY)))
        {
            throw GeoDataException.For(path, string.Create(CultureInfo.InvariantCulture, $"its pixel size {t.PixelWidth} x {t.PixelHeight} is not a north-up positive size."));
        }

        return t;
    }

    private static (bool HasTag, byte? Value) ReadNoData(Tiff tiff)
    {
        if (tiff.GetField(TiffTag.GDAL_NODATA) is not { Length: >= 1 } field)
        {
            return (false, null);
        }

        var value = field[^1].Value is byte[] bytes ? System.Text.Encoding.ASCII.GetString(bytes) : field[^1].ToString();
        var text = value?.Trim('\0', ' ', '\t', '\r', '\n');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 255 && number == Math.Floor(number)
            ? (true, (byte)number)
            : (true, null);
    }

    private static int? Int(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: >= 1 } v ? v[0].ToInt() : null;

    private static double[]? Doubles(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: >= 2 } v ? v[1].ToDoubleArray() : null;
}
