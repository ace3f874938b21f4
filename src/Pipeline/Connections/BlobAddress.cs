namespace LandUse.Pipeline.Connections;

/// <summary>
/// A container (and a path in it) named on a command line: a blob URL (<c>https://acct.blob.core.windows.net/c/p</c>,
/// an ADLS Gen2 dfs URL, or an Azurite URL with a connection), or <c>container/path</c> with a connection. Tile sources and
/// the model registry are named the same way.
/// </summary>
public sealed record BlobAddress(string Container, string Path, string? ConnectionName, Uri? BlobServiceUri)
{
    /// <summary>The address a blob URL names, or null when <paramref name="value"/> is not an http(s) URL.</summary>
    /// <exception cref="ArgumentException">The URL names no container, or points at an emulator without a connection.</exception>
    public static BlobAddress? FromUrl(string value, string? connectionName, string parameterName)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var pathStyle = uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        if (pathStyle && segments.Count > 0)
        {
            // Azurite and other emulators put the account name first in the path.
            segments.RemoveAt(0);
        }

        if (segments.Count == 0)
        {
            throw new ArgumentException($"Blob URL '{value}' names no container.", parameterName);
        }

        var path = string.Join('/', segments.Skip(1));
        if (connectionName is not null)
        {
            return new BlobAddress(segments[0], path, connectionName, null);
        }

        if (pathStyle)
        {
            throw new ArgumentException($"Blob URL '{value}' points at an emulator; give its connection string with --connection.", parameterName);
        }

        // An ADLS Gen2 (dfs) URL names the same account's blob endpoint.
        var service = uri.GetLeftPart(UriPartial.Authority).Replace(".dfs.", ".blob.", StringComparison.OrdinalIgnoreCase);
        return new BlobAddress(segments[0], path, null, new Uri(service));
    }

    /// <summary><c>container/path</c> reached by <paramref name="connectionName"/>.</summary>
    public static BlobAddress FromName(string value, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Trim('/').Split('/', 2);
        return new BlobAddress(parts[0], parts.Length > 1 ? parts[1] : "", connectionName, null);
    }
}
