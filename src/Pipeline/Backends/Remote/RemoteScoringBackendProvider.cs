using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Sends every run to the one configured scoring worker. The worker serves its own model bundle, so a run's bundle
/// reference only matters locally; the model version the worker reports is what predictions record.
/// </summary>
public sealed partial class RemoteScoringBackendProvider(RemoteScoringBackend backend, ILogger<RemoteScoringBackendProvider> logger) : IScoringBackendProvider
{
    private int logged;

    public IScoringBackend Get(string modelBundle)
    {
        if (Interlocked.Exchange(ref logged, 1) == 0)
        {
            LogRemote(logger, modelBundle);
        }

        return backend;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring on the remote worker (Scoring:Endpoint); the run's model bundle {ModelBundle} is not loaded here, the worker's model is used")]
    private static partial void LogRemote(ILogger logger, string modelBundle);
}
