using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Puts the caller's identity on every worker call: the shared key when one is configured (local use), else an
/// Entra ID bearer token for the worker's audience.
/// </summary>
internal sealed class ScoringCredentialHandler(IOptions<ScoringEndpointOptions> options, ScoringTokenSource tokens) : DelegatingHandler
{
    public const string SharedKeyHeader = "X-LandUse-Key";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.SharedKey))
        {
            request.Headers.Remove(SharedKeyHeader);
            request.Headers.Add(SharedKeyHeader, settings.SharedKey);
        }
        else if (!string.IsNullOrWhiteSpace(settings.Audience))
        {
            var bearer = await tokens.GetTokenAsync(settings.Audience, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
