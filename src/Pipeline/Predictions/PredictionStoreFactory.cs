using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Identity;
using LandUse.Pipeline.Connections;

namespace LandUse.Pipeline.Predictions;

/// <summary>Opens (and caches) the prediction store a <see cref="PredictionTarget"/> names, so activities share clients.</summary>
public sealed class PredictionStoreFactory(StorageConnections connections)
{
    private readonly ConcurrentDictionary<PredictionTarget, IPredictionStore> _stores = new();

    public IPredictionStore Open(PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _stores.GetOrAdd(target, Create);
    }

    private IPredictionStore Create(PredictionTarget target) => target.Kind switch
    {
        PredictionTargetKind.Files => new FilePredictionStore(
            target.RunsDir ?? throw new ArgumentException("A file prediction target needs a runs folder.", nameof(target))),
        PredictionTargetKind.Tables => new TablePredictionStore(Service(target)),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown prediction target kind."),
    };

    private TableServiceClient Service(PredictionTarget target)
    {
        if (!string.IsNullOrWhiteSpace(target.ConnectionName))
        {
            return new TableServiceClient(connections.Get(target.ConnectionName));
        }

        return target.TableServiceUri is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential())
            : throw new ArgumentException("A table prediction target needs a connection name or a table service URI.", nameof(target));
    }
}
