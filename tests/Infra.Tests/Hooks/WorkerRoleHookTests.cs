using LandUse.Worker.Options;

namespace LandUse.Infra.Tests.Hooks;

/// <summary>
/// The preprovision hook defines the worker's app role (LandUse.Score, for applications) and requires an assignment
/// on its service principal; the postprovision hook assigns the role to the Function App's managed identity through
/// Microsoft Graph (appRoleAssignedTo), once.
/// </summary>
public sealed class WorkerRoleHookTests : IDisposable
{
    private const string AppId = "0a0a0a0a-1111-2222-3333-444444444444";
    private const string ResourceSp = "5b5b5b5b-6666-7777-8888-999999999999";
    private const string RoleId = "7c7c7c7c-aaaa-bbbb-cccc-dddddddddddd";
    private const string Principal = "9d9d9d9d-0000-1111-2222-333333333333";
    private readonly HookHarness _hook = new();

    public void Dispose() => _hook.Dispose();

    [Fact]
    public async Task Preprovision_creates_the_app_registration_with_the_LandUse_Score_role_and_requires_assignment()
    {
        _hook.On("az ad app create *", AppId)
            .On("az ad app show *length(appRoles)*", "0")
            .On("az ad sp show *", exitCode: 1);

        var run = await _hook.RunAsync("preprovision.sh", ("AZURE_ENV_NAME", "dev"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("az ad app create --display-name landuse-worker-dev --sign-in-audience AzureADMyOrg --query appId -o tsv", run.Calls);
        Assert.Contains($"az ad app update --id {AppId} --identifier-uris api://{AppId}", run.Calls);
        var manifest = run.Calls[run.IndexOf($"az ad app update --id {AppId} --app-roles @") + 2];
        Assert.Contains("\"allowedMemberTypes\": [\"Application\"]", manifest, StringComparison.Ordinal);
        Assert.Contains($"\"value\": \"{WorkerAuthOptions.DefaultRole}\"", manifest, StringComparison.Ordinal);
        Assert.Matches("\"id\": \"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"", manifest);
        Assert.Contains($"az ad sp create --id {AppId}", run.Calls);
        Assert.Contains($"az ad sp update --id {AppId} --set appRoleAssignmentRequired=true", run.Calls);
        Assert.Contains($"azd env set WORKER_AUDIENCE api://{AppId}", run.Calls);
        Assert.Contains($"azd env set WORKER_APP_ROLE {WorkerAuthOptions.DefaultRole}", run.Calls);
    }

    [Fact]
    public async Task Preprovision_keeps_an_existing_role_and_still_requires_assignment()
    {
        _hook.On("az ad app list *", AppId).On("az ad app show *appRoles[?value==*", RoleId);

        var run = await _hook.RunAsync("preprovision.sh", ("AZURE_ENV_NAME", "dev"), ("WORKER_AUDIENCE", $"api://{AppId}"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, run.Count("az ad app update"));
        Assert.Equal(0, run.Count("az ad app create"));
        Assert.Contains($"az ad sp update --id {AppId} --set appRoleAssignmentRequired=true", run.Calls);
        Assert.Equal(0, run.Count("azd env set WORKER_AUDIENCE"));
    }

    [Fact]
    public async Task Preprovision_refuses_to_replace_other_app_roles_and_names_the_missing_one()
    {
        _hook.On("az ad app list *", AppId).On("az ad app show *length(appRoles)*", "2");

        var run = await _hook.RunAsync("preprovision.sh", ("AZURE_ENV_NAME", "dev"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"has 2 app role(s) but not {WorkerAuthOptions.DefaultRole}", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.Count($"az ad app update --id {AppId} --app-roles"));
    }

    [Fact]
    public async Task Postprovision_assigns_the_role_to_the_function_app_identity_through_Graph()
    {
        Resources().On("az rest --method GET *", "0");

        var run = await _hook.RunAsync("postprovision.sh", Environment());

        Assert.True(run.ExitCode == 0, run.ToString());
        var post = Assert.Single(run.Calls, c => c.StartsWith("az rest --method POST", StringComparison.Ordinal));
        Assert.Contains($"--uri https://graph.microsoft.com/v1.0/servicePrincipals/{ResourceSp}/appRoleAssignedTo", post, StringComparison.Ordinal);
        Assert.Contains($"\"principalId\": \"{Principal}\", \"resourceId\": \"{ResourceSp}\", \"appRoleId\": \"{RoleId}\"", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_leaves_an_existing_assignment_alone()
    {
        Resources().On("az rest --method GET *", "1");

        var run = await _hook.RunAsync("postprovision.sh", Environment());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, run.Count("az rest --method POST"));
        Assert.Contains("already assigned", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_retries_while_Graph_does_not_know_the_new_identity_yet()
    {
        Resources().On("az rest --method GET *", "0").On("az rest --method POST *", after: 2).On("az rest --method POST *", "Resource does not exist", exitCode: 1);

        var run = await _hook.RunAsync("postprovision.sh", Environment());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.Count("az rest --method POST"));
        Assert.Contains("retrying (1s of 5s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_without_the_function_app_identity_output_fails_naming_it()
    {
        var run = await _hook.RunAsync("postprovision.sh", ("WORKER_AUDIENCE", $"api://{AppId}"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FUNCTION_APP_PRINCIPAL_ID", run.Error, StringComparison.Ordinal);
    }

    private HookHarness Resources() =>
        _hook.On("az ad app list *", AppId)
            .On("az ad sp show * --query id *", ResourceSp)
            .On("az ad sp show *appRoles*", RoleId);

    private static (string, string)[] Environment() =>
    [
        ("WORKER_AUDIENCE", $"api://{AppId}"),
        ("FUNCTION_APP_PRINCIPAL_ID", Principal),
        ("ROLE_ASSIGNMENT_WAIT_SECONDS", "5"),
        ("ROLE_ASSIGNMENT_INTERVAL_SECONDS", "0"),
    ];
}
