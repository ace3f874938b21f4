using LandUse.Pipeline.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>Chooses where batches are scored: on the scoring worker when <c>Scoring:Endpoint</c> is set, else in process.</summary>
public static class ScoringBackendRegistration
{
    /// <summary>
    /// Registers the <see cref="IScoringBackendProvider"/> configuration asks for: the remote worker when
    /// <c>Scoring:Endpoint</c> is set (replacing any other provider), else the in-process backend (unless a provider
    /// is already registered).
    /// </summary>
    public static IServiceCollection AddScoringBackend(this IServiceCollection services, IConfiguration configuration)
    {
        if (HasRemoteEndpoint(configuration))
        {
            return services.AddRemoteScoringBackend(configuration);
        }

        services.TryAddSingleton<IScoringBackendProvider>(InProcessScoringBackendProvider.Create);
        return services;
    }

    /// <summary>True when configuration names a scoring worker (<c>Scoring:Endpoint</c>).</summary>
    public static bool HasRemoteEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{ScoringEndpointOptions.SectionName}:{nameof(ScoringEndpointOptions.Endpoint)}"]);
    }

    /// <summary>
    /// Registers <see cref="RemoteScoringBackend"/> behind <see cref="IScoringBackendProvider"/> from the <c>Scoring</c> section;
    /// throws at start-up, naming the key, when the settings cannot work.
    /// </summary>
    public static IServiceCollection AddRemoteScoringBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ScoringEndpointOptions.SectionName);
        var settings = section.Get<ScoringEndpointOptions>() ?? new ScoringEndpointOptions();
        if (settings.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddOptions<ScoringEndpointOptions>().Bind(section);
        services.AddLandUseCredential();
        services.TryAddSingleton<ScoringTokenSource>();
        services.TryAddTransient<ScoringCredentialHandler>();

        var http = services.AddHttpClient(RemoteScoringBackend.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);

        // Outermost: total timeout, retry, circuit breaker, attempt timeout. Inside it the credential handler,
        // so every attempt carries a fresh token.
        http.AddStandardResilienceHandler(resilience =>
        {
            resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
            resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
            resilience.Retry.MaxRetryAttempts = settings.MaxRetries;
            resilience.Retry.Delay = settings.RetryDelay;
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;
            resilience.CircuitBreaker.BreakDuration = settings.BreakDuration;
            var sampling = settings.AttemptTimeout * 2;
            resilience.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
        });
        http.AddHttpMessageHandler<ScoringCredentialHandler>();

        services.AddLogging();
        services.RemoveAll<IScoringBackendProvider>();
        services.AddSingleton<IScoringBackendProvider, RemoteScoringBackendProvider>();
        return services;
    }
}
