namespace LandUse.Worker.Options;

/// <summary>
/// Where the worker may read tiles (section <c>Worker:Tiles</c>): store-relative paths resolve under <see cref="Root"/>,
/// blob URLs only on the one configured blob service. Anything else is refused per tile.
/// </summary>
public sealed record WorkerTilesOptions
{
    /// <summary>Folder that store-relative refs resolve against; refs escaping it are refused.</summary>
    public string? Root { get; init; }

    /// <summary>Blob service the worker reads from with its managed identity (DefaultAzureCredential).</summary>
    public Uri? BlobServiceUri { get; init; }

    /// <summary>Connection string for the blob service (Azurite, local use); wins over <see cref="BlobServiceUri"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Tiles read at once per request (blob downloads or file reads).</summary>
    public int ReadParallelism { get; init; } = 16;
}
