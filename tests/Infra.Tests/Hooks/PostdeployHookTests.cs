namespace LandUse.Infra.Tests.Hooks;

/// <summary>
/// The postdeploy hook turns blob upload events on only once the function app's blobs_extension system key exists
/// (waiting for it, bounded, with progress lines); BLOB_EVENTS_SUBSCRIBE requests the subscription for that provision and
/// BLOB_EVENTS_ENABLED is written only after the provision succeeded.
/// </summary>
public sealed class PostdeployHookTests : IDisposable
{
    private const string KeysList = "az functionapp keys list --resource-group rg-landuse --name func-abc *";
    private readonly HookHarness _hook = new();

    public void Dispose() => _hook.Dispose();

    private static (string, string)[] Environment(string waitSeconds = "5") =>
    [
        ("FUNCTION_APP_NAME", "func-abc"),
        ("AZURE_RESOURCE_GROUP", "rg-landuse"),
        ("API_BASE_URL", "https://func-abc.azurewebsites.net/api"),
        ("BLOBS_KEY_WAIT_SECONDS", waitSeconds),
        ("BLOBS_KEY_INTERVAL_SECONDS", "0"),
    ];

    [Fact]
    public async Task Waits_for_the_system_key_with_progress_then_provisions_and_records_success_only_afterwards()
    {
        _hook.On(KeysList, "secret-key-value", after: 2);

        var run = await _hook.RunAsync("postdeploy.sh", Environment());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.Count("az functionapp keys list"));
        Assert.Contains("waiting for the blobs_extension system key of func-abc (0s of 5s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("waiting for the blobs_extension system key of func-abc (1s of 5s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("the blobs_extension system key of func-abc exists (after 2s)", run.Output, StringComparison.Ordinal);
        var request = run.IndexOf("azd env set BLOB_EVENTS_SUBSCRIBE true");
        var provision = run.IndexOf("azd provision --no-prompt");
        Assert.True(run.IndexOf("az functionapp keys list") < request, run.ToString());
        Assert.Equal(request + 1, provision);
        Assert.Equal(provision + 1, run.IndexOf("azd env set BLOB_EVENTS_ENABLED true"));
        Assert.Equal(1, run.Count("azd env set BLOB_EVENTS_ENABLED"));
        Assert.Equal(0, run.Count("azd env set BLOB_EVENTS_SUBSCRIBE false"));
        Assert.DoesNotContain("secret-key-value", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("curl -s -o /dev/null --max-time 10 https://func-abc.azurewebsites.net/", run.Calls);
    }

    [Fact]
    public async Task Gives_up_after_the_bounded_wait_without_provisioning_or_touching_the_environment()
    {
        var run = await _hook.RunAsync("postdeploy.sh", Environment(waitSeconds: "3"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(4, run.Count("az functionapp keys list"));
        Assert.Contains("waiting for the blobs_extension system key of func-abc (2s of 3s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("no blobs_extension system key after 3s; BLOB_EVENTS_ENABLED stays false", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.Count("azd "));
    }

    [Fact]
    public async Task A_failing_az_call_counts_as_no_key_whatever_it_prints()
    {
        _hook.On(KeysList, "ERROR: the app is restarting", exitCode: 1);

        var run = await _hook.RunAsync("postdeploy.sh", Environment(waitSeconds: "1"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.Count("az functionapp keys list"));
        Assert.Equal(0, run.Count("azd "));
    }

    [Fact]
    public async Task A_failed_provision_withdraws_the_request_and_never_records_events_as_enabled()
    {
        _hook.On(KeysList, "secret-key-value").On("azd provision*", "deployment failed", exitCode: 1);

        var run = await _hook.RunAsync("postdeploy.sh", Environment());

        Assert.Equal(1, run.ExitCode);
        var request = run.IndexOf("azd env set BLOB_EVENTS_SUBSCRIBE true");
        var provision = run.IndexOf("azd provision");
        Assert.True(request >= 0 && request < provision && provision < run.IndexOf("azd env set BLOB_EVENTS_SUBSCRIBE false"), run.ToString());
        Assert.Equal(0, run.Count("azd env set BLOB_EVENTS_ENABLED"));
        Assert.Contains("BLOB_EVENTS_ENABLED stays false", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_nothing_once_events_are_enabled()
    {
        var run = await _hook.RunAsync("postdeploy.sh", [.. Environment(), ("BLOB_EVENTS_ENABLED", "true"), ("BLOB_EVENTS_SUBSCRIBE", "true")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Calls);
    }

    [Fact]
    public async Task An_environment_enabled_before_the_request_variable_keeps_its_subscription_requested()
    {
        var run = await _hook.RunAsync("postdeploy.sh", [.. Environment(), ("BLOB_EVENTS_ENABLED", "true")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["azd env set BLOB_EVENTS_SUBSCRIBE true"], run.Calls);
    }
}
