using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// The one "connection name or service URI" factory for Blob and Table clients: a connection name resolves through
/// <see cref="StorageConnections"/> (Azurite, shared keys), a service URI signs in with the host's one
/// <see cref="TokenCredential"/>. Every client fails fast on answers no retry can fix (<see cref="StorageFailFastPolicy"/>).
/// </summary>
public sealed class StorageClients(StorageConnections connections, TokenCredential credential)
{
    public BlobServiceClient Blobs(string? connectionName, Uri? serviceUri, string what)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(new StorageFailFastPolicy(StorageService.Blob), HttpPipelinePosition.PerCall);
        if (!string.IsNullOrWhiteSpace(connectionName))
        {
            return new BlobServiceClient(connections.Get(connectionName), options);
        }

        return serviceUri is { } uri
            ? new BlobServiceClient(uri, credential, options)
            : throw new ArgumentException($"{what} needs a connection name or a blob service URI.");
    }

    public BlobContainerClient Container(string? connectionName, Uri? serviceUri, string container, string what) =>
        Blobs(connectionName, serviceUri, what).GetBlobContainerClient(container);

    public TableServiceClient Tables(string? connectionName, Uri? serviceUri, string what)
    {
        var options = new TableClientOptions();
        options.AddPolicy(new StorageFailFastPolicy(StorageService.Table), HttpPipelinePosition.PerCall);
        if (!string.IsNullOrWhiteSpace(connectionName))
        {
            return new TableServiceClient(connections.Get(connectionName), options);
        }

        return serviceUri is { } uri
            ? new TableServiceClient(uri, credential, options)
            : throw new ArgumentException($"{what} needs a connection name or a table service URI.");
    }
}
