using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline.Hosting;

/// <summary>How to start the embedded engine: extra services (connections, a backend provider) and logging.</summary>
public sealed record EmbeddedEngineOptions
{
    /// <summary>Registers or replaces services before the pipeline's defaults are added.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Adds logging providers (console, test output). The engine's own gRPC/Durable chatter is kept at Warning.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>How often <see cref="EmbeddedEngine.RunAsync"/> polls for progress.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
