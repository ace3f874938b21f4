using System.Runtime.InteropServices;

namespace LandUse.Cli.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for a command that stops gracefully: the first signal asks for a stop (in-flight work
/// finishes and is written); a signal more than <see cref="ForceAfter"/> later abandons it. Signals within that window are
/// one request (a terminal delivers Ctrl+C to the whole process group, and the re-launching parent forwards it too).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    public static readonly TimeSpan ForceAfter = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _log;
    private readonly Lock _gate = new();
    private DateTime? _first;

    public StopSignals(TextWriter log)
    {
        _log = log;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Fires on the first signal: stop gracefully.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Fires on a later signal: give up waiting.</summary>
    public CancellationToken Abort => _abort.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
        _abort.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (_first is null)
            {
                _first = now;
                _log.WriteLine($"Stopping ({context.Signal}): batches in flight finish and are written; the same run id resumes. Press Ctrl+C again to abandon the wait.");
                _stop.Cancel();
            }
            else if (now - _first > ForceAfter && !_abort.IsCancellationRequested)
            {
                _log.WriteLine("Abandoning the wait; the run is left as it is (start the same run id to resume).");
                _abort.Cancel();
            }
        }
    }
}
