namespace LandUse.Geo;

/// <summary>Input that cannot be tiled or labeled (a bad raster, an unsupported CRS, a broken tile index); the one-line message names the file.</summary>
public sealed class GeoDataException : Exception
{
    public GeoDataException()
    {
    }

    public GeoDataException(string message)
        : base(message)
    {
    }

    public GeoDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>"&lt;file&gt;: &lt;problem&gt;", the form every Geo error takes.</summary>
    public static GeoDataException For(string file, string problem, Exception? inner = null) =>
        inner is null ? new GeoDataException($"{file}: {problem}") : new GeoDataException($"{file}: {problem}", inner);
}
