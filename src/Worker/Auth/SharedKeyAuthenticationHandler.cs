using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using LandUse.Worker.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LandUse.Worker.Auth;

/// <summary>
/// Accepts the <c>X-LandUse-Key</c> header when a shared key is configured (local use); with no key configured it
/// authenticates nobody, so the worker stays closed by default.
/// </summary>
internal sealed class SharedKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<WorkerOptions> workerOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "SharedKey";
    public const string HeaderName = "X-LandUse-Key";

    private readonly byte[]? expectedHash = workerOptions.Value.Auth.SharedKeyConfigured
        ? SHA256.HashData(Encoding.UTF8.GetBytes(workerOptions.Value.Auth.SharedKey!))
        : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (expectedHash is null || !Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Hashing first makes the comparison constant-time regardless of the presented key's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString()));
        if (!CryptographicOperations.FixedTimeEquals(presented, expectedHash))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {HeaderName} header does not match."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "shared-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
