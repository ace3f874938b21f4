using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace LandUse.Geo.Crs;

/// <summary>
/// Point transforms between two supported systems through geographic coordinates: inverse projection of the source,
/// forward projection of the target, with NAD83 and WGS 84 taken as one datum (see <see cref="SupportedCrs"/>).
/// </summary>
public sealed class CrsTransform
{
    private static readonly CoordinateTransformationFactory Factory = new();
    private readonly MathTransform? _toGeographic;
    private readonly MathTransform? _fromGeographic;

    private CrsTransform(SupportedCrs source, SupportedCrs target)
    {
        Source = source;
        Target = target;
        if (source.Epsg == target.Epsg)
        {
            return;
        }

        if (source.System is ProjectedCoordinateSystem p)
        {
            _toGeographic = Factory.CreateFromCoordinateSystems(p, p.GeographicCoordinateSystem).MathTransform;
        }

        if (target.System is ProjectedCoordinateSystem q)
        {
            _fromGeographic = Factory.CreateFromCoordinateSystems(q.GeographicCoordinateSystem, q).MathTransform;
        }
    }

    public SupportedCrs Source { get; }

    public SupportedCrs Target { get; }

    public static CrsTransform Between(SupportedCrs source, SupportedCrs target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return new CrsTransform(source, target);
    }

    /// <summary>To WGS 84 longitude/latitude (EPSG:4326).</summary>
    public static CrsTransform ToWgs84(SupportedCrs source) => Between(source, SupportedCrs.Find(4326)!);

    /// <summary>Transforms one point; geographic coordinates are (longitude, latitude) in degrees.</summary>
    public (double X, double Y) Apply(double x, double y)
    {
        if (_toGeographic is not null)
        {
            (x, y) = _toGeographic.Transform(x, y);
        }

        if (_fromGeographic is not null)
        {
            (x, y) = _fromGeographic.Transform(x, y);
        }

        return (x, y);
    }
}
