using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LandUse.Worker.Tests.Support;

/// <summary>Records what one worker instance's meter measures (other workers in the process are ignored).</summary>
internal sealed class MetricProbe : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value)> measurements = new();

    public MetricProbe(IMeterFactory scope)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "LandUse.Worker" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.Start();
    }

    public IReadOnlyList<long> Values(string instrument) => [.. measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

    public void Dispose() => listener.Dispose();
}
