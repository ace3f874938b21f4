using System.Collections.Concurrent;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// Opens (and caches) the ledger that goes with a run's prediction target: its runs folder, or its account's <c>runs</c>
/// table; and the run leases kept beside it (<c>run.lock</c> in the run folder, or lease rows in the same table).
/// </summary>
public sealed class RunLedgers(StorageClients clients)
{
    private readonly ConcurrentDictionary<PredictionTarget, IRunLedger> _ledgers = new();
    private readonly ConcurrentDictionary<PredictionTarget, IRunLeases> _leases = new();

    /// <summary>The leases of runs whose ledger is <see cref="Open"/>(<paramref name="target"/>).</summary>
    public IRunLeases Leases(PredictionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _leases.GetOrAdd(target, t => Open(t) switch
        {
            FileRunLedger => new FileRunLeases(t.RequireRunsDir()),
            TableRunLedger table => new TableRunLeases(table),
            var other => throw new NotSupportedException($"Ledger {other.Description} has no leases."),
        });
    }

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
