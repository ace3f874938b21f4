using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.GeoJson;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using LandUse.Pipeline.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// A run on this machine: starts the embedded engine, starts the run through <see cref="RunControl"/> (the same id
/// resumes), waits with live progress recorded in the ledger, stops gracefully when asked, and makes sure
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
            var start = await control.StartAsync(engine.Client, request, cancellationToken).ConfigureAwait(false);
            if (start.Outcome == StartOutcome.AlreadyActive)
            {
                throw new InvalidOperationException($"Run '{request.RunId}' is already {start.ActiveStatus} in this process.");
            }

            var outcome = await control.WaitAsync(engine.Client, request.RunId, request.Output, progress, engine.PollInterval, stopRequested, cancellationToken)
                .ConfigureAwait(false);
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
