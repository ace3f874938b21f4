using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// Counts the history events the engine feeds each orchestration instance, from the sidecar's own log
/// ("Preparing to execute orchestrator '{name}' with {eventCount} new events", event 51): the in-memory service
/// has no history API, and this is the number that grows if an orchestration's history grows. An instance that
/// continues as new starts a fresh history, whose first new events include another ExecutionStarted:
/// <see cref="GenerationsOf"/> gives each generation's count.
/// </summary>
public sealed class HistoryCounter : ILoggerProvider
{
    private const int OrchestratorExecutingEvent = 51;
    private readonly ConcurrentDictionary<string, List<int>> _generations = new(StringComparer.Ordinal);

    /// <summary>Every history event of the instance, over all its generations.</summary>
    public int EventsOf(string instanceId) => GenerationsOf(instanceId).Sum();

    /// <summary>The history events of each generation of the instance, in order.</summary>
    public IReadOnlyList<int> GenerationsOf(string instanceId)
    {
        if (!_generations.TryGetValue(instanceId, out var generations))
        {
            return [];
        }

        lock (generations)
        {
            return [.. generations];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Counter(this);

    public void Dispose()
    {
    }

    private void Add(string instanceId, int events, bool started)
    {
        var generations = _generations.GetOrAdd(instanceId, _ => []);
        lock (generations)
        {
            if (started || generations.Count == 0)
            {
                generations.Add(0);
            }

            generations[^1] += events;
        }
    }

    private sealed class Counter(HistoryCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != OrchestratorExecutingEvent || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            var instance = values.FirstOrDefault(v => v.Key == "instanceId").Value as string;
            var count = values.FirstOrDefault(v => v.Key == "eventCount").Value as int?;
            var started = values.FirstOrDefault(v => v.Key == "newEvents").Value?.ToString()?.Contains("ExecutionStarted", StringComparison.Ordinal) == true;
            if (instance is not null && count is { } n)
            {
                owner.Add(instance, n, started);
            }
        }
    }
}
