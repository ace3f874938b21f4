using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Hosting;

/// <summary>
/// The in-process Durable Task engine (an in-memory orchestration service behind a gRPC sidecar on loopback) with the
/// pipeline's orchestrators and activities registered: the local default behind <c>landuse run</c>, and the engine the
/// tests run orchestrations on. Its work-item cap follows Environment.ProcessorCount, so hosts raise
/// DOTNET_PROCESSOR_COUNT before the runtime starts.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    /// <summary>How often a start is tried when the sidecar's port is taken before it binds it.</summary>
    private const int StartAttempts = 5;

    private readonly IHost _host;
    private readonly EmbeddedEngineOptions _options;

    private EmbeddedEngine(IHost host, EmbeddedEngineOptions options)
    {
        _host = host;
        _options = options;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <summary>The engine's services: stores, backend provider, connections.</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<EmbeddedEngine> StartAsync(EmbeddedEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmbeddedEngineOptions();
        for (var attempt = 1; ; attempt++)
        {
            var host = Build(options);
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                SidecarSignals.Detach(host.Services);
                return new EmbeddedEngine(host, options);
            }
            catch (Exception ex) when (attempt < StartAttempts && PortInUse.Caused(ex))
            {
                // Another process bound the loopback port the sidecar had picked; a new host picks another.
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    private static IHost Build(EmbeddedEngineOptions options)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);

        // The sidecar logs every gRPC request and work item at Information; keep the engine at Warning.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSingleton<IHostLifetime, EngineLifetime>();
        builder.Services.AddLandUsePipeline();
        builder.Services.AddInMemoryDurableTask(registry => registry.AddLandUsePipelineTasks());
        return builder.Build();
    }

    /// <summary>Starts a ScoreRun for the request and returns its instance id (the run id plus a unique suffix).</summary>
    public async Task<string> StartRunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var instanceId = request.RunId + "~" + Guid.NewGuid().ToString("N")[..12];
        return await Client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.ScoreRun, request, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a ScoreRun to the end, reporting live progress; throws when the run fails.</summary>
    public async Task<RunOutcome> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var instanceId = await StartRunAsync(request, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(instanceId, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a ScoreRun instance to finish, reporting live progress as it goes.</summary>
    public Task<RunOutcome> WaitAsync(string instanceId, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Control.WaitAsync(Client, instanceId, null, progress, _options.PollInterval, CancellationToken.None, cancellationToken);

    /// <summary>The engine's run control: start, status, stop, purge, compare over this engine's client.</summary>
    public RunControl Control => Services.GetRequiredService<RunControl>();

    /// <summary>How often waits poll for progress.</summary>
    public TimeSpan PollInterval => _options.PollInterval;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
