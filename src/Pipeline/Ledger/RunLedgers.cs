using System.Collections.Concurrent;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Ledger;

/// <summary>Opens (and caches) the ledger that goes with a run's prediction target: its runs folder, or its account's <c>runs</c> table.</summary>
public sealed class RunLedgers(StorageClients clients)
{
    private readonly ConcurrentDictionary<PredictionTarget, IRunLedger> _ledgers = new();

    public IRunLedger Open(PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _ledgers.GetOrAdd(target, Create);
    }

    private IRunLedger Create(PredictionTarget target) => target.Kind switch
    {
        PredictionTargetKind.Files => new FileRunLedger(target.RequireRunsDir()),
        PredictionTargetKind.Tables => new TableRunLedger(target.TableService(clients, "The run ledger")),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown prediction target kind."),
    };
}
