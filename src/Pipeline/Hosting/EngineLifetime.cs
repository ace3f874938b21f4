using Microsoft.Extensions.Hosting;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// The embedded engine's host lifetime: it ignores SIGINT and SIGTERM. The default console lifetime would stop the engine
/// on Ctrl+C, freezing a run mid-way; the hosting command decides instead (the CLI stops the run gracefully first).
/// </summary>
internal sealed class EngineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
