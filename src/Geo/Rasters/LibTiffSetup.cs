using BitMiracle.LibTiff.Classic;

namespace LandUse.Geo.Rasters;

/// <summary>
/// Process-wide LibTiff.NET set-up, done once: GeoTIFF and GDAL tags known to the reader, and library errors kept
/// (per thread) for our one-line messages instead of printed to the console.
/// </summary>
internal static class LibTiffSetup
{
    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static string? _lastError;

    /// <summary>The GeoTIFF and GDAL tags, so they are read (and may be written) with their proper types.</summary>
    public static IReadOnlyList<TiffFieldInfo> GeoFields { get; } =
    [
        new(TiffTag.GEOTIFF_MODELPIXELSCALETAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScaleTag"),
        new(TiffTag.GEOTIFF_MODELTIEPOINTTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepointTag"),
        new(TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformationTag"),
        new(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, -1, -1, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectoryTag"),
        new(TiffTag.GEOTIFF_GEODOUBLEPARAMSTAG, -1, -1, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParamsTag"),
        new(TiffTag.GEOTIFF_GEOASCIIPARAMSTAG, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GeoASCIIParamsTag"),
        new(TiffTag.GDAL_NODATA, -1, -1, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoDataTag"),
    ];

    public static void EnsureInstalled() => _ = Installed.Value;

    /// <summary>Clears the calling thread's last library error before an operation.</summary>
    public static void ClearError() => _lastError = null;

    /// <summary>The library's last error on this thread, or a fallback.</summary>
    public static string LastError(string fallback) => _lastError ?? fallback;

    private static bool Install()
    {
        Tiff.SetErrorHandler(new Handler());
        Tiff.TiffExtendProc? parent = null;
        parent = Tiff.SetTagExtender(tif =>
        {
            var fields = GeoFields.ToArray();
            tif.MergeFieldInfo(fields, fields.Length);
            parent?.Invoke(tif);
        });
        return true;
    }

    /// <summary>Keeps errors for the message of the exception that follows; LibTiff's warnings (unknown tags and such) are dropped.</summary>
    private sealed class Handler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
            _lastError = Format(format, args);

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) =>
            _lastError = Format(format, args);

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        private static string Format(string format, object[] args)
        {
            try
            {
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args).Trim();
            }
            catch (FormatException)
            {
                return format.Trim();
            }
        }
    }
}
