using Azure.Core;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>
/// Entra ID tokens for the scoring worker's audience, cached until shortly before they expire; one per process
/// (HTTP handlers are recycled, the token cache must outlive them).
/// </summary>
internal sealed class ScoringTokenSource(TokenCredential credential) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile CachedToken? current;

    public async ValueTask<string> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        if (Fresh(current, audience) is { } cached)
        {
            return cached;
        }

        await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(current, audience) is { } again)
            {
                return again;
            }

            var scope = audience.TrimEnd('/') + "/.default";
            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            current = new CachedToken(audience, token.Token, token.ExpiresOn);
            return token.Token;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private static string? Fresh(CachedToken? token, string audience) =>
        token is not null && token.Audience == audience && token.ExpiresOn - RefreshMargin > DateTimeOffset.UtcNow ? token.Value : null;

    private sealed record CachedToken(string Audience, string Value, DateTimeOffset ExpiresOn);
}
