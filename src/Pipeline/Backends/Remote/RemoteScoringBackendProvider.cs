using System.Collections.Concurrent;
using LandUse.Pipeline.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Sends every run to the one configured scoring worker, one backend per model: a registry reference is loaded by the
/// worker from its own registry (the same container in a deployment), a bundle folder means the worker's own model
/// (<c>Worker__ModelPath</c>). What the worker reports, <c>&lt;name&gt;/&lt;version&gt;</c>, is what predictions record.
/// </summary>
public sealed partial class RemoteScoringBackendProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<ScoringEndpointOptions> options,
    ILoggerFactory loggerFactory) : IScoringBackendProvider
{
    private readonly ConcurrentDictionary<string, RemoteScoringBackend> _backends = new(StringComparer.Ordinal);
    private readonly ILogger _log = loggerFactory.CreateLogger<RemoteScoringBackendProvider>();

    public IScoringBackend Get(ModelSource model)
    {
        ArgumentNullException.ThrowIfNull(model);

        // A bundle folder only matters locally: on the worker it is the worker's own model (key "").
        var key = model.IsFolder ? "" : model.Reference;
        return _backends.GetOrAdd(key, k =>
        {
            LogRemote(_log, model, k.Length == 0 ? "the worker's own model (Worker__ModelPath)" : "that model from the worker's registry");
            return new RemoteScoringBackend(httpClientFactory, options, loggerFactory.CreateLogger<RemoteScoringBackend>(), k.Length == 0 ? null : k);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring on the remote worker (Scoring:Endpoint): the run's model {Model} is scored with {Served}")]
    private static partial void LogRemote(ILogger logger, ModelSource model, string served);
}
