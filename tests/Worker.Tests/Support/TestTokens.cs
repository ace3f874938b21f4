using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LandUse.Worker.Tests.Support;

/// <summary>
/// Entra-shaped access tokens signed locally: a worker configured for a tenant and audience is made to trust this
/// signing key (no metadata download), and tests issue tokens with or without the app role, for other audiences,
/// expired, or signed by a key nobody trusts.
/// </summary>
internal static class TestTokens
{
    public const string Tenant = "00000000-0000-0000-0000-000000000001";
    public const string Audience = "api://landuse-worker";
    public const string FunctionAppObjectId = "11111111-2222-3333-4444-555555555555";

    private static readonly RsaSecurityKey Trusted = new(RSA.Create(2048)) { KeyId = "landuse-test-trusted" };
    private static readonly RsaSecurityKey Stranger = new(RSA.Create(2048)) { KeyId = "landuse-test-stranger" };

    /// <summary>Bearer settings of a worker in <see cref="Tenant"/> for <see cref="Audience"/>.</summary>
    public static (string Key, string? Value)[] Settings =>
    [
        ("Worker:Auth:Audience", Audience),
        ("Worker:Auth:TenantId", Tenant),
    ];

    /// <summary>Makes the worker's bearer scheme validate against the local key instead of the tenant's published keys.</summary>
    public static void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = V1Issuer };
            configuration.SigningKeys.Add(Trusted);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    /// <summary>An app-only (managed identity) v1 access token.</summary>
    public static string Issue(string[] roles, string audience = Audience, TimeSpan? lifetime = null, bool strangerKey = false)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(30));
        var claims = new Dictionary<string, object>
        {
            ["oid"] = FunctionAppObjectId,
            ["sub"] = FunctionAppObjectId,
            ["tid"] = Tenant,
            ["idtyp"] = "app",
        };
        if (roles.Length > 0)
        {
            claims["roles"] = roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = V1Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-30) : now,
            NotBefore = expires < now ? expires.AddMinutes(-30) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(strangerKey ? Stranger : Trusted, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string V1Issuer => $"https://sts.windows.net/{Tenant}/";
}
