namespace LandUse.Worker.Options;

/// <summary>
/// Who may call <c>/v1</c>: Entra ID bearer tokens for <see cref="Audience"/> that carry the app role
/// <see cref="RequiredRole"/> (assigned to the Function App's managed identity), and a shared key only when one is set.
/// Nothing configured means every call is refused.
/// </summary>
public sealed record WorkerAuthOptions
{
    /// <summary>The app role the preprovision hook defines on the worker's app registration.</summary>
    public const string DefaultRole = "LandUse.Score";

    /// <summary>Accepted token audience, e.g. <c>api://landuse-worker</c> or the app registration's client id.</summary>
    public string? Audience { get; init; }

    /// <summary>Entra tenant; sets the authority and both v1 and v2 issuers.</summary>
    public string? TenantId { get; init; }

    /// <summary>Token authority; defaults to <c>https://login.microsoftonline.com/{TenantId}/v2.0</c>.</summary>
    public string? Authority { get; init; }

    /// <summary>App role a bearer token must carry in its <c>roles</c> claim; a valid token without it gets 403.</summary>
    public string RequiredRole { get; init; } = DefaultRole;

    /// <summary>Shared key accepted in the <c>X-LandUse-Key</c> header; for local use only.</summary>
    public string? SharedKey { get; init; }

    public bool BearerConfigured => !string.IsNullOrWhiteSpace(Audience)
        && (!string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(TenantId));

    public bool SharedKeyConfigured => !string.IsNullOrEmpty(SharedKey);
}
