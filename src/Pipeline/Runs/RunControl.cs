using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Runs;

/// <summary>
/// The one place runs are controlled, called alike by the <c>landuse</c> CLI (embedded engine) and the Functions app
/// (its Durable client): start (validate, refuse an id that is running, resume a finished one), status (live progress and
/// ledger totals), summary, cancel and graceful stop (the run and its pages), purge (history; with predictions also rows,
/// page manifests, artifacts and the ledger row), list, compare, and waiting for a run with its progress recorded in the
/// ledger. A null <see cref="DurableTaskClient"/> means "no engine here": only the ledger and stores are read.
/// </summary>
public sealed partial class RunControl(
    TileStoreFactory tileStores,
    PredictionStoreFactory predictionStores,
    RunLedgers ledgers,
    ArtifactSinks sinks,
    ModelRegistries models,
    TimeProvider time,
    ILogger<RunControl> logger)
{
    /// <summary>
    /// Starts a ScoreRun whose instance id is the run id. Refuses an id whose instance is active, or whose lease another
    /// live holder has (a <c>landuse run</c> process elsewhere, an orchestration of another task hub); takes the lease for
    /// <paramref name="holder"/> (default: this client's orchestration, released when the run ends), taking over a stale
    /// one; clears the history of a finished id (its rows stay, so the run resumes); checks that the tiles can be listed
    /// and the stores written first, so a storage setting that cannot work fails at once with one line; and pins a
    /// registry model to the version it names (<c>&lt;name&gt;</c>: its newest), which the orchestration input carries.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid; the parameter names the field.</exception>
    /// <exception cref="Scoring.Registry.ModelRegistryException">The registry has no such model (the message names it).</exception>
    /// <exception cref="Connections.StorageAccessException">Storage refused or lacks the container (one line, no retries).</exception>
    public async Task<RunStart> StartAsync(DurableTaskClient client, RunRequest request, CancellationToken cancellationToken, RunLeaseHolder? holder = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var run = request.Validate();
        var existing = await client.GetInstanceAsync(run.RunId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (RunInstances.IsActive(existing))
        {
            return new RunStart(run.RunId, StartOutcome.AlreadyActive, existing!.RuntimeStatus.ToString());
        }

        holder ??= RunLeaseHolder.ForOrchestration(client.Name, time.GetUtcNow());
        var leases = ledgers.Leases(run.Output);
        var attempt = await leases.TryAcquireAsync(run.RunId, holder, h => IsStaleAsync(client, run.RunId, h, holder, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        if (!attempt.Acquired)
        {
            LogLeased(logger, run.RunId, attempt.Holder!);
            return new RunStart(run.RunId, StartOutcome.Leased, "Running") { Holder = attempt.Holder };
        }

        if (attempt.Previous is { } stale)
        {
            LogTakenOver(logger, run.RunId, stale);
        }

        run = run with { LeaseOwner = holder.Owner };
        try
        {
            await PreflightAsync(run, cancellationToken).ConfigureAwait(false);
            run = await models.PinAsync(run, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                await RunInstances.PurgeAsync(client, run.RunId, cancellationToken).ConfigureAwait(false);
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.ScoreRun, run, new StartOrchestrationOptions { InstanceId = run.RunId }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await leases.ReleaseAsync(run.RunId, holder.Owner, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        LogStarted(logger, run.RunId, run.Source.DisplayName, existing is not null);
        return new RunStart(run.RunId, existing is null ? StartOutcome.Started : StartOutcome.Restarted) { Holder = holder, Run = run };
    }

    /// <summary>
    /// A holder is stale when its time ran out or its process died on this host; an orchestration holder of this client's
    /// own task hub also when that hub no longer has the run active (it ended without releasing, or was terminated).
    /// </summary>
    private async ValueTask<bool> IsStaleAsync(DurableTaskClient client, string runId, RunLeaseHolder current, RunLeaseHolder candidate, CancellationToken cancellationToken)
    {
        if (current.IsStale(time.GetUtcNow()))
        {
            return true;
        }

        if (current.Kind != RunLeaseKind.Orchestration || candidate.Kind != RunLeaseKind.Orchestration || current.TaskHub != candidate.TaskHub)
        {
            return false;
        }

        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return !RunInstances.IsActive(instance);
    }

    /// <summary>Every run the ledger of <paramref name="target"/> knows, in run id order.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(PredictionTarget target, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var run in ledgers.Open(target).ListAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(run);
        }

        return runs;
    }

    /// <summary>The ledger of a prediction target, for hosts that read or record runs directly.</summary>
    public IRunLedger Ledger(PredictionTarget target) => ledgers.Open(target);

    /// <summary>The run-id leases kept beside that ledger.</summary>
    public IRunLeases Leases(PredictionTarget target) => ledgers.Leases(target);

    private async Task PreflightAsync(RunRequest run, CancellationToken cancellationToken)
    {
        // One listing call reads the source's container (or folder); preparing creates the tables or run folder.
        await tileStores.Open(run.Source).ListPageAsync(null, 1, cancellationToken).ConfigureAwait(false);
        await predictionStores.Open(run.Output).PrepareAsync(run.RunId, cancellationToken).ConfigureAwait(false);
        await ledgers.Open(run.Output).GetAsync(run.RunId, cancellationToken).ConfigureAwait(false);
    }

    private IArtifactSink ArtifactsOf(RunRecord? record, PredictionTarget target, string runId) =>
        sinks.ForRun(record?.Request?.ResultsTarget() ?? ArtifactTarget.For(target), runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started on {Source} (restart: {Restart})")]
    private static partial void LogStarted(ILogger logger, string runId, string source, bool restart);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} not started: held by {Holder}")]
    private static partial void LogLeased(ILogger logger, string runId, RunLeaseHolder holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: took over the lease of {Holder}, found stale")]
    private static partial void LogTakenOver(ILogger logger, string runId, RunLeaseHolder holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} asked to stop: {Reason}")]
    private static partial void LogStopping(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} purged: {Instances} orchestration instances, {Predictions} prediction rows, {Artifacts} artifacts")]
    private static partial void LogPurged(ILogger logger, string runId, int instances, long predictions, int artifacts);
}
