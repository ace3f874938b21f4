using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace LandUse.Worker.Auth;

/// <summary>
/// <c>/v1</c> needs the app role <see cref="Role"/> in a bearer token's <c>roles</c> claim (Entra ID puts an app role
/// assigned to the caller's managed identity there). The shared key, configured for local use only, stands in for it.
/// An authenticated caller without the role is forbidden (403); an anonymous one is challenged (401).
/// </summary>
internal sealed record AppRoleRequirement(string Role) : IAuthorizationRequirement
{
    public const string RolesClaim = "roles";
}

/// <summary>Grants <see cref="AppRoleRequirement"/> to a shared-key caller or a token whose <c>roles</c> include the role.</summary>
internal sealed class AppRoleHandler : AuthorizationHandler<AppRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AppRoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identities.Any(identity => identity.IsAuthenticated && Allows(identity, requirement.Role)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool Allows(ClaimsIdentity identity, string role) =>
        identity.AuthenticationType == SharedKeyAuthenticationHandler.SchemeName
        || identity.FindAll(AppRoleRequirement.RolesClaim).Any(claim => string.Equals(claim.Value, role, StringComparison.Ordinal));
}
