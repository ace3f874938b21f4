namespace LandUse.Geo.Rasters;

/// <summary>The GeoKeyDirectory entries a tiler needs: the model type, the EPSG code of the CRS and pixel-is-area vs point.</summary>
internal sealed record GeoKeys(int? ModelType, int? ProjectedEpsg, int? GeographicEpsg, bool PixelIsPoint)
{
    private const int ModelTypeKey = 1024;
    private const int RasterTypeKey = 1025;
    private const int GeographicTypeKey = 2048;
    private const int ProjectedTypeKey = 3072;
    private const int ProjectedModel = 1;
    private const int GeographicModel = 2;
    private const int UserDefined = 32767;

    /// <summary>Parses the directory's SHORT values: a 4-value header then 4 values per key (id, location, count, value).</summary>
    public static GeoKeys Parse(string file, IReadOnlyList<short> raw)
    {
        if (raw.Count < 4)
        {
            throw GeoDataException.For(file, "the GeoKeyDirectory tag is too short to hold a header.");
        }

        var keys = raw[3] & 0xFFFF;
        if (raw.Count < 4 + (keys * 4))
        {
            throw GeoDataException.For(file, $"the GeoKeyDirectory tag says {keys} keys but holds only {(raw.Count - 4) / 4}.");
        }

        int? model = null, projected = null, geographic = null;
        var point = false;
        for (var k = 0; k < keys; k++)
        {
            var at = 4 + (k * 4);
            var (id, location, value) = (raw[at] & 0xFFFF, raw[at + 1] & 0xFFFF, raw[at + 3] & 0xFFFF);
            if (location != 0)
            {
                continue; // values stored in the double or ASCII params: none of the keys read here
            }

            switch (id)
            {
                case ModelTypeKey: model = value; break;
                case RasterTypeKey: point = value == 2; break;
                case GeographicTypeKey: geographic = value; break;
                case ProjectedTypeKey: projected = value; break;
            }
        }

        return new GeoKeys(model, projected, geographic, point);
    }

    /// <summary>The EPSG code of the raster's CRS: the projected one for projected models, else the geographic one.</summary>
    public int Epsg(string file)
    {
        var projectedModel = ModelType == ProjectedModel || (ModelType is null && ProjectedEpsg is not null);
        var code = projectedModel ? ProjectedEpsg : ModelType == GeographicModel || ModelType is null ? GeographicEpsg : null;
        return code switch
        {
            null when projectedModel => throw GeoDataException.For(file, "the GeoKeys name a projected CRS but no ProjectedCSTypeGeoKey EPSG code."),
            null => throw GeoDataException.For(file, $"the GeoKeys name no EPSG code (model type {ModelType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}); a ProjectedCSTypeGeoKey or GeographicTypeGeoKey is needed."),
            UserDefined => throw GeoDataException.For(file, "the CRS is user-defined (GeoKey 32767) rather than an EPSG code; reproject the raster to a supported EPSG CRS first."),
            _ => code.Value,
        };
    }
}
