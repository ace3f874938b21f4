using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.GeoJson;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// A run on this machine: starts the embedded engine, takes the run id's lease for this process (refused with
/// <see cref="RunLeasedException"/> while another live process holds it; renewed while it runs, released at the end),
/// starts the run through <see cref="RunControl"/> (the same id resumes), waits with live progress recorded in the
/// ledger, stops gracefully when asked (or when the lease is lost: <see cref="RunLeaseLostException"/>), and makes sure
/// <c>&lt;runsDir&gt;/&lt;runId&gt;/</c> holds predictions.csv, index.csv, summary.json and the report, also when
/// predictions went to Table Storage (whose artifacts also went to the results container).
/// </summary>
public static class LocalRun
{
    public static async Task<RunOutcome> ExecuteAsync(
        RunRequest request,
        string runsDir,
        StorageConnections connections,
        IProgress<RunProgress>? progress,
        EmbeddedEngineOptions? engineOptions,
        CancellationToken cancellationToken,
        CancellationToken stopRequested = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connections);
        request.Validate();
        var options = (engineOptions ?? new EmbeddedEngineOptions()) with
        {
            ConfigureServices = services =>
            {
                services.AddSingleton(connections);
                engineOptions?.ConfigureServices?.Invoke(services);
            },
        };
        var engine = await EmbeddedEngine.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var control = engine.Control;
            var time = engine.Services.GetRequiredService<TimeProvider>();
            var holder = RunLeaseHolder.ThisProcess(time.GetUtcNow(), RunLeaseKeeper.Duration);
            var start = await control.StartAsync(engine.Client, request, cancellationToken, holder).ConfigureAwait(false);
            if (start.Outcome == StartOutcome.AlreadyActive)
            {
                throw new InvalidOperationException($"Run '{request.RunId}' is already {start.ActiveStatus} in this process.");
            }

            if (start.Outcome == StartOutcome.Leased)
            {
                throw RunLeasedException.For(request.RunId, start.Holder!);
            }

            RunOutcome outcome;
            var keeper = new RunLeaseKeeper(
                control.Leases(request.Output), request.RunId, holder.Owner, time, engine.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalRun)));
            await using (keeper.ConfigureAwait(false))
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopRequested, keeper.Lost);
                outcome = await control.WaitAsync(engine.Client, request.RunId, request.Output, progress, engine.PollInterval, stop.Token, cancellationToken)
                    .ConfigureAwait(false);
                if (keeper.Lost.IsCancellationRequested)
                {
                    throw RunLeaseLostException.For(request.RunId);
                }
            }

            if (outcome.RunFolder is not null || outcome.Status != RunStatus.Completed)
            {
                return outcome;
            }

            // Predictions went to tables (and artifacts to the results container): export the run's files locally as well.
            var folder = Path.Combine(Path.GetFullPath(runsDir), request.RunId);
            var store = engine.Services.GetRequiredService<PredictionStoreFactory>().Open(request.Output);
            var record = await control.Ledger(request.Output).GetAsync(request.RunId, cancellationToken).ConfigureAwait(false);
            if (record?.Summary is { } summary)
            {
                var footprints = new StoreFootprints(engine.Services.GetRequiredService<TileStoreFactory>().Open(request.Source));
                await RunArtifactWriter.WriteAsync(new FolderArtifactSink(folder), store.ReadRunAsync(request.RunId, outcome.Pages, cancellationToken), summary, footprints, cancellationToken)
                    .ConfigureAwait(false);
            }

            return outcome with { RunFolder = folder };
        }
    }
}
