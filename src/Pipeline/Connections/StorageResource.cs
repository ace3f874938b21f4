namespace LandUse.Pipeline.Connections;

/// <summary>Which storage service a client talks to, so errors can say "container" or "table".</summary>
public enum StorageService
{
    Blob,
    Table,
}

/// <summary>Reads the account and the container or table a storage request URI addresses, for error messages.</summary>
public static class StorageResource
{
    /// <summary>
    /// The account name (first host label, or the first path segment for Azurite and other emulators on an IP or
    /// localhost) and "container 'x'" / "table 'x'" when the path names one.
    /// </summary>
    public static (string Account, string? Resource) Of(Uri uri, StorageService service)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var pathStyle = uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        var account = pathStyle && segments.Count > 0 ? segments[0] : uri.Host.Split('.')[0];
        if (pathStyle && segments.Count > 0)
        {
            segments.RemoveAt(0);
        }

        if (segments.Count == 0)
        {
            return (account, null);
        }

        var name = segments[0];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }

        if (name.Length == 0 || name is "Tables" or "$batch")
        {
            return (account, null);
        }

        return (account, service == StorageService.Table ? $"table '{name}'" : $"container '{name}'");
    }
}
