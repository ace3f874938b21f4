using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>
/// Keeps a process's lease alive while it drives a run: renews it every <see cref="RenewEvery"/> for
/// <see cref="Duration"/> more, signals <see cref="Lost"/> when the lease is no longer this owner's, and releases it
/// when disposed. A failed renewal (storage hiccup) is retried at the next tick; the lease lasts long enough to survive a few.
/// </summary>
public sealed partial class RunLeaseKeeper : IAsyncDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    private readonly IRunLeases _leases;
    private readonly string _runId;
    private readonly string _owner;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _loop;

    public RunLeaseKeeper(IRunLeases leases, string runId, string owner, TimeProvider time, ILogger log)
    {
        _leases = leases;
        _runId = runId;
        _owner = owner;
        _time = time;
        _log = log;
        _loop = Task.Run(RenewLoopAsync);
    }

    /// <summary>Fires once the lease is found to belong to someone else.</summary>
    public CancellationToken Lost => _lost.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        try
        {
            await _leases.ReleaseAsync(_runId, _owner, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A lease that cannot be released expires on its own; the run's outcome stands.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(_log, _runId, ex.Message);
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewLoopAsync()
    {
        using var timer = new PeriodicTimer(RenewEvery, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    if (!await _leases.RenewAsync(_runId, _owner, _time.GetUtcNow() + Duration, _stop.Token).ConfigureAwait(false))
                    {
                        LogLost(_log, _runId);
                        await _lost.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(_log, _runId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: the lease is held by another process now; stopping without writing more")]
    private static partial void LogLost(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: renewing the lease failed ({Error}); trying again")]
    private static partial void LogRenewFailed(ILogger logger, string runId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: releasing the lease failed ({Error}); it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, string runId, string error);
}
