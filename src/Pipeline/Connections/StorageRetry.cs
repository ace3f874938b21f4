using Azure.Core;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// The retry policy of every Blob and Table client, set explicitly (not left to SDK defaults): exponential backoff from
/// <see cref="Delay"/> to <see cref="MaxDelay"/>, <see cref="MaxRetries"/> retries of 408/429/500/502/503/504 answers,
/// dropped connections and calls that take longer than <see cref="NetworkTimeout"/>. Failures no retry can fix fail
/// fast (<see cref="StorageFailFastPolicy"/>); an activity whose storage call still fails is retried by the
/// orchestration (<see cref="Orchestration.RetryPolicies"/>).
/// </summary>
public sealed record StorageRetry
{
    public static StorageRetry Default { get; } = new();

    public RetryMode Mode { get; init; } = RetryMode.Exponential;

    public int MaxRetries { get; init; } = 6;

    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>How long one try may wait for the service's answer before it is abandoned and retried.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sets these values on a client's options.</summary>
    public TOptions ApplyTo<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = Mode;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = Delay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }
}
