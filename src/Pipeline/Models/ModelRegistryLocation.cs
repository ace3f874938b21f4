using LandUse.Pipeline.Connections;
using LandUse.Scoring.Registry;

namespace LandUse.Pipeline.Models;

/// <summary>
/// Where a model registry lives, small and secret-free for orchestration input: a blob container reached by a
/// connection <em>name</em> (Azurite, shared keys) or a blob service URI with the host's one credential.
/// </summary>
public sealed record ModelRegistryLocation
{
    public required string Container { get; init; }

    /// <summary>Name of a connection string resolved by <see cref="StorageConnections"/>.</summary>
    public string? ConnectionName { get; init; }

    /// <summary>Blob service URI used with the host's credential when no connection name is given.</summary>
    public Uri? BlobServiceUri { get; init; }

    public static ModelRegistryLocation Blob(string container, string? connectionName, Uri? blobServiceUri = null) =>
        new() { Container = container, ConnectionName = connectionName, BlobServiceUri = blobServiceUri };

    /// <summary>
    /// A registry named on a command line: a container URL (<c>https://acct.blob.core.windows.net/models</c>, signed in
    /// with the credential; an Azurite URL with a connection), or a container name with a connection.
    /// </summary>
    /// <exception cref="ArgumentException">Neither form, or a URL with a path below the container.</exception>
    public static ModelRegistryLocation Parse(string value, string? connectionName, string parameterName = "registry")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"No model registry given: name a container URL, or a container name with --connection (usually '{RegistryLayout.DefaultContainer}').", parameterName);
        }

        var address = BlobAddress.FromUrl(value, connectionName, parameterName)
            ?? (connectionName is not null
                ? BlobAddress.FromName(value, connectionName)
                : throw new ArgumentException($"Model registry '{value}' is not a container URL; give a URL, or the container name with --connection.", parameterName));
        if (address.Path.Length > 0 || address.Container.Length == 0)
        {
            throw new ArgumentException($"Model registry '{value}' must name a container only (models live at <name>/<version>/ in it), not a path below one.", parameterName);
        }

        return Blob(address.Container, address.ConnectionName, address.BlobServiceUri);
    }

    /// <summary>"container 'models'" (and the account when it is a URL), for messages.</summary>
    public string DisplayName => BlobServiceUri is { } uri ? $"container '{Container}' on {uri.Host}" : $"container '{Container}'";
}
