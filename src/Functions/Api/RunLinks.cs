using Microsoft.AspNetCore.Http;

namespace LandUse.Functions.Api;

/// <summary>Absolute URLs of a run's endpoints, returned on start so a caller never has to build them.</summary>
public sealed record RunLinks(Uri Status, Uri Summary, Uri Cancel, Uri Purge)
{
    /// <summary>Links rooted at the request's scheme and host, under <c>/api/runs/{runId}</c>.</summary>
    public static RunLinks For(HttpRequest request, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = new Uri($"{request.Scheme}://{request.Host.Value}/api/runs/{Uri.EscapeDataString(runId)}");
        return new RunLinks(root, new Uri($"{root}/summary"), new Uri($"{root}/cancel"), root);
    }
}
