namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Where and how to reach a remote scoring worker (section <c>Scoring</c>, environment <c>Scoring__Prop</c>).
/// Setting <see cref="Endpoint"/> switches the pipeline from in-process scoring to the worker.
/// </summary>
public sealed record ScoringEndpointOptions
{
    public const string SectionName = "Scoring";

    /// <summary>The worker's base URL, e.g. <c>https://landuse-worker.example.azurecontainerapps.io/</c>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Entra ID audience of the worker; tokens are requested for <c>{Audience}/.default</c> with DefaultAzureCredential.</summary>
    public string? Audience { get; init; }

    /// <summary>Shared key sent as <c>X-LandUse-Key</c> instead of a token; local use only.</summary>
    public string? SharedKey { get; init; }

    /// <summary>Most tiles in one call; larger batches are split. Keep at or under the worker's Worker:MaxTilesPerRequest.</summary>
    public int MaxTilesPerCall { get; init; } = 256;

    /// <summary>Limit on one HTTP attempt (a cold GPU replica can take a while to answer).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit on one call including all its retries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt (at least 1), with exponential back-off and jitter.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Base delay of the exponential back-off.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open after too many failures; calls fail fast meanwhile.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long asking for the model version waits for a worker that is still starting (scale from zero).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The reason these options cannot work, or null when they can.</summary>
    public string? Problem()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            return "Scoring:Endpoint must be an absolute URL of the scoring worker.";
        }

        if (string.IsNullOrWhiteSpace(Audience) && string.IsNullOrEmpty(SharedKey))
        {
            return "Scoring:Audience (Entra ID) or Scoring:SharedKey (local use) must be set; the worker refuses anonymous calls.";
        }

        if (MaxTilesPerCall < 1)
        {
            return "Scoring:MaxTilesPerCall must be at least 1.";
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= AttemptTimeout)
        {
            return "Scoring:AttemptTimeout must be positive and Scoring:TotalTimeout longer than it.";
        }

        return MaxRetries < 1 || RetryDelay < TimeSpan.Zero || BreakDuration < TimeSpan.FromMilliseconds(500)
            ? "Scoring:MaxRetries must be at least 1, Scoring:RetryDelay not negative and Scoring:BreakDuration at least 0.5 s."
            : null;
    }
}
