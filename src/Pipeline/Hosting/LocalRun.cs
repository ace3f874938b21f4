using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// A run on this machine: starts the embedded engine, runs the ScoreRun orchestration to the end with live progress,
/// and makes sure <c>&lt;runsDir&gt;/&lt;runId&gt;/</c> holds predictions.csv, index.csv, summary.json and the report, also
/// when predictions went to Table Storage.
/// </summary>
public static class LocalRun
{
    public static async Task<RunOutcome> ExecuteAsync(
        RunRequest request,
        string runsDir,
        StorageConnections connections,
        IProgress<RunProgress>? progress,
        EmbeddedEngineOptions? engineOptions,
        CancellationToken cancellationToken)
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
            var outcome = await engine.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.RunFolder is not null)
            {
                return outcome;
            }

            // Predictions went to tables: export the run's files locally as well.
            var folder = Path.Combine(Path.GetFullPath(runsDir), request.RunId);
            var store = engine.Services.GetRequiredService<PredictionStoreFactory>().Open(request.Output);
            var record = await store.GetRunAsync(request.RunId, cancellationToken).ConfigureAwait(false);
            if (record?.SummaryJson is { } json)
            {
                await RunArtifacts.WriteAsync(folder, store.ReadRunAsync(request.RunId, outcome.Pages, cancellationToken), RunSummary.FromJson(json), cancellationToken)
                    .ConfigureAwait(false);
            }

            return outcome with { RunFolder = folder };
        }
    }
}
