using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// Turns a <c>landuse run</c> source argument into a <see cref="TileSourceSpec"/>: an existing local folder, a blob URL
/// (<c>https://acct.blob.core.windows.net/container/prefix</c>, or an Azurite URL with a connection), or
/// <c>container/prefix</c> with a connection.
/// </summary>
public static class RunSourceParser
{
    /// <param name="source">The argument as typed.</param>
    /// <param name="connectionName">The connection name to use for blob sources, or null when none was given.</param>
    /// <exception cref="ArgumentException">The source is none of the accepted forms; the message says which to use.</exception>
    public static TileSourceSpec Parse(string source, string? connectionName)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("The tile source is empty: give a folder, a blob URL or container/prefix.", nameof(source));
        }

        if (Directory.Exists(source))
        {
            return TileSourceSpec.Local(Path.GetFullPath(source));
        }

        if (BlobAddress.FromUrl(source, connectionName, nameof(source)) is { } url)
        {
            return TileSourceSpec.Blob(url.Container, url.Path, url.ConnectionName, url.BlobServiceUri);
        }

        if (connectionName is null)
        {
            throw new ArgumentException(
                $"Tile source '{source}' is not an existing folder. For a blob container use a blob URL, or container/prefix with --connection.",
                nameof(source));
        }

        var named = BlobAddress.FromName(source, connectionName);
        return TileSourceSpec.Blob(named.Container, named.Path, connectionName);
    }
}
