using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// The one "connection name or service URI" factory for Blob and Table clients: a connection name resolves through
/// <see cref="StorageConnections"/> (Azurite, shared keys), a service URI signs in with the host's one
/// <see cref="TokenCredential"/>. Every client retries with the one explicit <see cref="StorageRetry"/> policy and fails
/// fast on answers no retry can fix (<see cref="StorageFailFastPolicy"/>).
/// </summary>
public sealed class StorageClients(StorageConnections connections, TokenCredential credential, StorageRetry? retry = null)
{
    /// <summary>The retry policy every client of this factory uses.</summary>
    public StorageRetry Retry { get; } = retry ?? StorageRetry.Default;

    public BlobServiceClient Blobs(string? connectionName, Uri? serviceUri, string what) =>
        Create(connectionName, serviceUri, what, StorageService.Blob, new BlobClientOptions(),
            (c, o) => new BlobServiceClient(c, o), (u, o) => new BlobServiceClient(u, credential, o));

    public BlobContainerClient Container(string? connectionName, Uri? serviceUri, string container, string what) =>
        Blobs(connectionName, serviceUri, what).GetBlobContainerClient(container);

    public TableServiceClient Tables(string? connectionName, Uri? serviceUri, string what) =>
        Create(connectionName, serviceUri, what, StorageService.Table, new TableClientOptions(),
            (c, o) => new TableServiceClient(c, o), (u, o) => new TableServiceClient(u, credential, o));

    private TClient Create<TClient, TOptions>(
        string? connectionName,
        Uri? serviceUri,
        string what,
        StorageService service,
        TOptions options,
        Func<string, TOptions, TClient> fromConnectionString,
        Func<Uri, TOptions, TClient> fromServiceUri)
        where TOptions : ClientOptions
    {
        Retry.ApplyTo(options);
        options.AddPolicy(new StorageFailFastPolicy(service), HttpPipelinePosition.PerCall);
        if (!string.IsNullOrWhiteSpace(connectionName))
        {
            return fromConnectionString(connections.Get(connectionName), options);
        }

        return serviceUri is { } uri
            ? fromServiceUri(uri, options)
            : throw new ArgumentException($"{what} needs a connection name or a {service.ToString().ToLowerInvariant()} service URI.");
    }
}
