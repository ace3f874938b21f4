using System.Diagnostics;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>azure.yaml names the services the Bicep tags, points at real projects, and its hooks are runnable scripts.</summary>
public sealed class AzdProjectTests(CompiledTemplate compiled)
{
    private static readonly string AzureYaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));

    [Theory]
    [InlineData("api", "function-app", "./src/Functions", "host: function", "src/Functions/Functions.csproj")]
    [InlineData("worker", "worker-app", "./src/Worker", "host: containerapp", "src/Worker/Dockerfile")]
    public void Service_matches_the_tagged_resource_and_a_real_project(string service, string module, string project, string host, string projectFile)
    {
        var block = ServiceBlock(service);

        Assert.Contains($"project: {project}", block, StringComparison.Ordinal);
        Assert.Contains(host, block, StringComparison.Ordinal);
        Assert.Equal(service, compiled.Resolve(compiled.Module(module).Parameter("serviceName")));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot, projectFile)), $"{projectFile} does not exist");
    }

    [Fact]
    public void Infra_points_at_main_bicep()
    {
        Assert.Contains("path: infra/bicep", AzureYaml, StringComparison.Ordinal);
        Assert.Contains("module: main", AzureYaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preprovision.sh")]
    [InlineData("postprovision.sh")]
    [InlineData("postdeploy.sh")]
    public async Task Hook_is_referenced_executable_and_parses(string script)
    {
        var path = Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", script);

        Assert.Contains($"run: ./infra/hooks/{script}", AzureYaml, StringComparison.Ordinal);
        Assert.StartsWith("#!/bin/sh", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");

        using var shell = Process.Start(new ProcessStartInfo("sh", ["-n", path]) { RedirectStandardError = true })!;
        var errors = await shell.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await shell.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(shell.ExitCode == 0, $"{script} does not parse: {errors}");
    }

    [Fact]
    public void Postdeploy_hook_turns_on_the_parameter_that_gates_the_event_subscription()
    {
        var hook = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", "postdeploy.sh"));
        var parameters = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep", "main.parameters.json"));

        Assert.Contains("azd env set BLOB_EVENTS_SUBSCRIBE true", hook, StringComparison.Ordinal);
        Assert.Contains("\"${BLOB_EVENTS_SUBSCRIBE=false}\"", parameters, StringComparison.Ordinal);
        Assert.Contains("azd provision", hook, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_hook_sets_the_worker_audience_parameter()
    {
        var hook = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", "preprovision.sh"));
        var parameters = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep", "main.parameters.json"));

        Assert.Contains("azd env set WORKER_AUDIENCE", hook, StringComparison.Ordinal);
        Assert.Contains("\"${WORKER_AUDIENCE}\"", parameters, StringComparison.Ordinal);
    }

    // The lines of one service under `services:`, up to the next entry at the same indentation.
    private static string ServiceBlock(string service)
    {
        var lines = AzureYaml.Split('\n');
        var start = Array.FindIndex(lines, l => l == $"  {service}:");
        Assert.True(start >= 0, $"azure.yaml has no service '{service}'");
        var block = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.TrimStart().StartsWith('#'));
        return string.Join('\n', block);
    }
}
