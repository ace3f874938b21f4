using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// Counts the history events the engine feeds each orchestration instance, from the sidecar's own log
/// ("Preparing to execute orchestrator '{name}' with {eventCount} new events", event 51): the in-memory service
/// has no history API, and this is the number that grows if an orchestration's history grows.
/// </summary>
public sealed class HistoryCounter : ILoggerProvider
{
    private const int OrchestratorExecutingEvent = 51;
    private readonly ConcurrentDictionary<string, int> _events = new(StringComparer.Ordinal);

    public int EventsOf(string instanceId) => _events.TryGetValue(instanceId, out var count) ? count : 0;

    public ILogger CreateLogger(string categoryName) => new Counter(this);

    public void Dispose()
    {
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
            if (instance is not null && count is { } n)
            {
                owner._events.AddOrUpdate(instance, n, (_, total) => total + n);
            }
        }
    }
}
