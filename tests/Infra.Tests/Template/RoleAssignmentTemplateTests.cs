using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>Each identity gets exactly the data-plane roles it needs, by built-in role definition id.</summary>
public sealed class RoleAssignmentTemplateTests(CompiledTemplate compiled)
{
    public static TheoryData<string, string, string> Expected => new()
    {
        { "functionPrincipalId", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner" },
        { "functionPrincipalId", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor" },
        { "functionPrincipalId", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor" },
        { "functionPrincipalId", "3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher" },
        { "workerPrincipalId", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "Storage Blob Data Reader" },
        { "workerPrincipalId", "7f951dda-4ed3-4680-a7ca-43fe172d538d", "AcrPull" },
        { "workerPrincipalId", "3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher" },
        { "userPrincipalId", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Role_is_assigned(string principalParameter, string roleDefinitionId, string roleName)
    {
        var assignments = compiled.Module("role-assignments").Resources("Microsoft.Authorization/roleAssignments");

        var match = assignments.Where(a =>
            (string?)a["properties"]!["principalId"] == $"[parameters('{principalParameter}')]"
            && ((string?)a["properties"]!["roleDefinitionId"])!.Contains($"'{roleDefinitionId}'", StringComparison.Ordinal)).ToList();

        Assert.True(match.Count == 1, $"{roleName} ({roleDefinitionId}) for {principalParameter}: {match.Count} assignments");
        Assert.StartsWith("[guid(", (string?)match[0]["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_other_roles_are_assigned()
    {
        Assert.Equal(Expected.Count, compiled.Module("role-assignments").Resources("Microsoft.Authorization/roleAssignments").Count);
    }

    [Fact]
    public void Principals_are_the_two_app_identities_and_the_deploying_user()
    {
        var roles = compiled.Module("role-assignments");

        Assert.Contains("'function-app')", (string?)roles.Parameter("functionPrincipalId"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.principalId.value]", (string?)roles.Parameter("functionPrincipalId"), StringComparison.Ordinal);
        Assert.Contains("'worker-identity')", (string?)roles.Parameter("workerPrincipalId"), StringComparison.Ordinal);
        Assert.EndsWith(".outputs.principalId.value]", (string?)roles.Parameter("workerPrincipalId"), StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", (string?)roles.Parameter("userPrincipalId"));
        Assert.Equal("[parameters('principalType')]", (string?)roles.Parameter("userPrincipalType"));
    }
}
