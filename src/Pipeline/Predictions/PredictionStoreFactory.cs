using System.Collections.Concurrent;
using LandUse.Pipeline.Connections;

namespace LandUse.Pipeline.Predictions;

/// <summary>Opens (and caches) the prediction store a <see cref="PredictionTarget"/> names, so activities share clients.</summary>
public sealed class PredictionStoreFactory(StorageClients clients)
{
    private readonly ConcurrentDictionary<PredictionTarget, IPredictionStore> _stores = new();

    public IPredictionStore Open(PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _stores.GetOrAdd(target, Create);
    }

    private IPredictionStore Create(PredictionTarget target) => target.Kind switch
    {
        PredictionTargetKind.Files => new FilePredictionStore(target.RequireRunsDir()),
        PredictionTargetKind.Tables => new TablePredictionStore(target.TableService(clients, "A table prediction target")),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown prediction target kind."),
    };
}
