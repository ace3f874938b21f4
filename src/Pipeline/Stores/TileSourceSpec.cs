namespace LandUse.Pipeline.Stores;

/// <summary>Whether tiles come from a local folder or a Blob / ADLS Gen2 container.</summary>
public enum TileSourceKind
{
    Local,
    Blob,
}

/// <summary>
/// Where a run's tiles live, small enough for orchestration input: a local folder (<see cref="Root"/>), or a
/// container and prefix reached by a connection <em>name</em> (Azurite, shared keys) or an account URI with
/// DefaultAzureCredential (Azure). Never a secret.
/// </summary>
public sealed record TileSourceSpec
{
    public TileSourceKind Kind { get; init; }

    /// <summary>Local folder (Kind = Local).</summary>
    public string? Root { get; init; }

    /// <summary>Container name (Kind = Blob).</summary>
    public string? Container { get; init; }

    /// <summary>Blob name prefix inside the container, "" for all; refs are relative to it.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Name of a connection string resolved by <see cref="Connections.StorageConnections"/>.</summary>
    public string? ConnectionName { get; init; }

    /// <summary>Blob service URI used with DefaultAzureCredential when no connection name is given.</summary>
    public Uri? BlobServiceUri { get; init; }

    public static TileSourceSpec Local(string root) => new() { Kind = TileSourceKind.Local, Root = root };

    public static TileSourceSpec Blob(string container, string prefix, string? connectionName, Uri? blobServiceUri = null) =>
        new() { Kind = TileSourceKind.Blob, Container = container, Prefix = prefix, ConnectionName = connectionName, BlobServiceUri = blobServiceUri };

    /// <summary>A short name for the source, used in default run ids and reports.</summary>
    public string DisplayName => Kind == TileSourceKind.Local
        ? Root ?? ""
        : $"{Container}/{Prefix}".TrimEnd('/');
}
