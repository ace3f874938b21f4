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

        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
            var pathStyle = uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
            if (pathStyle && segments.Count > 0)
            {
                // Azurite and other emulators put the account name first in the path.
                segments.RemoveAt(0);
            }

            if (segments.Count == 0)
            {
                throw new ArgumentException($"Blob URL '{source}' names no container.", nameof(source));
            }

            var prefix = string.Join('/', segments.Skip(1));
            if (connectionName is not null)
            {
                return TileSourceSpec.Blob(segments[0], prefix, connectionName);
            }

            if (pathStyle)
            {
                throw new ArgumentException($"Blob URL '{source}' points at an emulator; give its connection string with --connection.", nameof(source));
            }

            // An ADLS Gen2 (dfs) URL names the same account's blob endpoint.
            var service = uri.GetLeftPart(UriPartial.Authority).Replace(".dfs.", ".blob.", StringComparison.OrdinalIgnoreCase);
            return TileSourceSpec.Blob(segments[0], prefix, null, new Uri(service));
        }

        if (connectionName is null)
        {
            throw new ArgumentException(
                $"Tile source '{source}' is not an existing folder. For a blob container use a blob URL, or container/prefix with --connection.",
                nameof(source));
        }

        var parts = source.Trim('/').Split('/', 2);
        return TileSourceSpec.Blob(parts[0], parts.Length > 1 ? parts[1] : "", connectionName);
    }
}
