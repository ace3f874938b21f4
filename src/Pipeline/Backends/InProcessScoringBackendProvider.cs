using System.Collections.Concurrent;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// One <see cref="InProcessScoringBackend"/> (and so one loaded model) per bundle folder for the life of the host.
/// ONNX Runtime's threads and the decode lanes are sized by <see cref="CoreBudget"/> from <see cref="MachineCores.Count"/>
/// (affinity and cgroup quota), not from the raised processor count.
/// </summary>
public sealed class InProcessScoringBackendProvider(ILoggerFactory loggerFactory, ScoringOptions? options = null) : IScoringBackendProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<InProcessScoringBackend>> _backends = new(StringComparer.Ordinal);
    private readonly ScoringOptions _options = options ?? new ScoringOptions();

    public ScoringOptions Options => _options;

    public IScoringBackend Get(string modelBundle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelBundle);
        var folder = Path.GetFullPath(modelBundle);
        return _backends.GetOrAdd(folder, f => new Lazy<InProcessScoringBackend>(() => new InProcessScoringBackend(f, _options, loggerFactory))).Value;
    }

    public void Dispose()
    {
        foreach (var backend in _backends.Values.Where(b => b.IsValueCreated))
        {
            backend.Value.Dispose();
        }
    }
}
