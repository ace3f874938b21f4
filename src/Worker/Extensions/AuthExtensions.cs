using LandUse.Worker.Auth;
using LandUse.Worker.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace LandUse.Worker.Extensions;

/// <summary>
/// Authentication for <c>/v1</c>: Entra ID bearer tokens that carry the app role <c>Worker:Auth:RequiredRole</c>
/// (<c>LandUse.Score</c>), and/or a shared key; closed when neither is set. No credentials: 401; a valid token without
/// the role: 403.
/// </summary>
internal static class AuthExtensions
{
    public const string ScorePolicy = "Score";

    public static IHostApplicationBuilder AddWorkerAuth(this IHostApplicationBuilder builder, WorkerAuthOptions auth)
    {
        // The shared-key scheme is always registered: with no key configured it authenticates nobody,
        // which makes "nothing configured" answer 401 rather than fail at start-up.
        var schemes = new List<string> { SharedKeyAuthenticationHandler.SchemeName };
        var authentication = builder.Services
            .AddAuthentication(SharedKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SharedKeyAuthenticationHandler>(SharedKeyAuthenticationHandler.SchemeName, null);

        if (auth.BearerConfigured)
        {
            schemes.Insert(0, JwtBearerDefaults.AuthenticationScheme);
            authentication.AddJwtBearer(options => ConfigureBearer(options, auth));
        }

        builder.Services.AddSingleton<IAuthorizationHandler, AppRoleHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ScorePolicy, policy => policy
                .AddAuthenticationSchemes([.. schemes])
                .RequireAuthenticatedUser()
                .AddRequirements(new AppRoleRequirement(auth.RequiredRole)));
        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions options, WorkerAuthOptions auth)
    {
        var tenant = auth.TenantId;
        options.Authority = string.IsNullOrWhiteSpace(auth.Authority)
            ? $"https://login.microsoftonline.com/{tenant}/v2.0"
            : auth.Authority;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidAudiences = AudiencesFor(auth.Audience!);
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            // Managed identities get v1 tokens unless the app registration asks for v2: accept both issuers.
            options.TokenValidationParameters.ValidIssuers =
            [
                $"https://sts.windows.net/{tenant}/",
                $"https://login.microsoftonline.com/{tenant}/v2.0",
            ];
        }
    }

    /// <summary>An <c>api://x</c> audience is also presented as plain <c>x</c> by v2 tokens, and vice versa.</summary>
    private static string[] AudiencesFor(string audience) =>
        audience.StartsWith("api://", StringComparison.OrdinalIgnoreCase)
            ? [audience, audience["api://".Length..]]
            : [audience, "api://" + audience];
}
