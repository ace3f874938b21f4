using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>Registers the remote scoring backend: options, the credential, and a resilient named HttpClient.</summary>
public static class RemoteScoringRegistration
{
    /// <summary>True when configuration names a scoring worker (<c>Scoring:Endpoint</c>).</summary>
    public static bool HasRemoteEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{ScoringEndpointOptions.SectionName}:{nameof(ScoringEndpointOptions.Endpoint)}"]);
    }

    /// <summary>
    /// Registers <see cref="RemoteScoringBackend"/> as the <see cref="IScoringBackend"/> from the <c>Scoring</c> section;
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
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
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

        services.RemoveAll<IScoringBackend>();
        services.AddSingleton<RemoteScoringBackend>();
        services.AddSingleton<IScoringBackend>(sp => sp.GetRequiredService<RemoteScoringBackend>());
        return services;
    }
}
