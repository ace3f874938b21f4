using System.Text.Json.Nodes;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>The scoring worker runs on a serverless GPU profile, scales to zero and pulls its image with an identity.</summary>
public sealed class WorkerTemplateTests(CompiledTemplate compiled)
{
    private ModuleDeployment Worker => compiled.Module("worker-app");

    private JsonObject App => Worker.Resource("Microsoft.App/containerApps");

    [Fact]
    public void Environment_has_a_consumption_and_a_GPU_workload_profile()
    {
        var environment = compiled.Module("container-apps-environment");
        var profiles = environment.Resource("Microsoft.App/managedEnvironments")["properties"]!["workloadProfiles"]!.AsArray();

        Assert.Contains(profiles, p => (string?)p!["workloadProfileType"] == "Consumption");
        Assert.Contains(profiles, p => (string?)p!["workloadProfileType"] == "[parameters('gpuWorkloadProfileType')]");
        Assert.Equal("[parameters('gpuWorkloadProfileType')]", (string?)environment.Parameter("gpuWorkloadProfileType"));
    }

    [Fact]
    public void GPU_profile_defaults_to_T4_and_allows_A100()
    {
        var parameter = compiled.Root["parameters"]!["gpuWorkloadProfileType"]!;

        Assert.Equal("Consumption-GPU-NC8as-T4", (string?)parameter["defaultValue"]);
        Assert.Contains("Consumption-GPU-NC24-A100", parameter["allowedValues"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Worker_runs_on_the_GPU_profile()
    {
        var environment = compiled.Module("container-apps-environment");

        Assert.Equal("[parameters('workloadProfileName')]", (string?)App["properties"]!["workloadProfileName"]);
        Assert.Equal(compiled.Resolve(environment.Parameter("gpuWorkloadProfileName")), compiled.Resolve(Worker.Parameter("workloadProfileName")));
        Assert.Equal("[parameters('gpuWorkloadProfileType')]", (string?)Worker.Parameter("workloadProfileType"));
    }

    [Fact]
    public void Worker_scales_to_zero_on_HTTP_load()
    {
        var scale = App["properties"]!["template"]!["scale"]!;

        Assert.Equal(0, (int)scale["minReplicas"]!);
        Assert.Contains(scale["rules"]!.AsArray(), r => r!["http"] is not null);
    }

    [Fact]
    public void Ingress_is_HTTPS_only_on_port_8080()
    {
        var ingress = App["properties"]!["configuration"]!["ingress"]!;

        Assert.False((bool)ingress["allowInsecure"]!);
        Assert.Equal(8080, (int)Worker.Template["parameters"]!["targetPort"]!["defaultValue"]!);
        Assert.Equal("[parameters('targetPort')]", (string?)ingress["targetPort"]);
        Assert.Null(Worker.Parameter("targetPort"));
    }

    [Fact]
    public void Ingress_is_protected_by_Entra_tokens_for_the_worker_audience()
    {
        var environment = compiled.WorkerEnvironment;

        Assert.Equal("[parameters('workerAudience')]", environment["Worker__Auth__Audience"]);
        Assert.Equal("[tenant().tenantId]", environment["Worker__Auth__TenantId"]);
        Assert.Equal(1, (int)compiled.Root["parameters"]!["workerAudience"]!["minLength"]!);
    }

    [Fact]
    public void Worker_requires_the_app_role_the_hooks_create_and_assign()
    {
        var parameter = compiled.Root["parameters"]!["workerAppRole"]!;
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep", "main.parameters.json")))!;

        Assert.Equal("[parameters('workerAppRole')]", compiled.WorkerEnvironment["Worker__Auth__RequiredRole"]);
        Assert.Equal(LandUse.Worker.Options.WorkerAuthOptions.DefaultRole, (string?)parameter["defaultValue"]);
        Assert.Equal($"${{WORKER_APP_ROLE={LandUse.Worker.Options.WorkerAuthOptions.DefaultRole}}}", (string?)file["parameters"]!["workerAppRole"]!["value"]);
        Assert.Contains(".outputs.principalId.value", (string?)compiled.Root["outputs"]!["FUNCTION_APP_PRINCIPAL_ID"]!["value"], StringComparison.Ordinal);
        Assert.Contains("identity.principalId", (string?)compiled.Module("function-app").Template["outputs"]!["principalId"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Image_is_pulled_from_the_registry_with_the_user_assigned_identity()
    {
        var registry = Assert.Single(App["properties"]!["configuration"]!["registries"]!.AsArray())!;

        Assert.Equal("[parameters('identityId')]", (string?)registry["identity"]);
        Assert.Null(registry["passwordSecretRef"]);
        Assert.Equal("UserAssigned", (string?)App["identity"]!["type"]);
        Assert.False((bool)compiled.Module("registry").Resource("Microsoft.ContainerRegistry/registries")["properties"]!["adminUserEnabled"]!);
    }

    [Fact]
    public void Worker_waits_for_its_roles_before_the_first_pull()
    {
        Assert.Contains(Worker.Deployment["dependsOn"]!.AsArray(), d => ((string?)d)!.Contains("'role-assignments'", StringComparison.Ordinal));
    }

    [Fact]
    public void Worker_uses_CUDA_and_its_identity_for_storage_and_telemetry()
    {
        var environment = compiled.WorkerEnvironment;

        Assert.Equal("Cuda", environment["Worker__Provider"]);
        Assert.Contains("clientId", environment["AZURE_CLIENT_ID"], StringComparison.Ordinal);
        Assert.Contains("applicationInsightsConnectionString", environment["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("8080", environment["ASPNETCORE_HTTP_PORTS"]);
    }

    [Fact]
    public void Tags_name_the_azd_service_worker()
    {
        Assert.Equal("worker", compiled.Resolve(Worker.Parameter("serviceName")));
        Assert.Contains("'azd-service-name', parameters('serviceName')", (string?)App["tags"], StringComparison.Ordinal);
    }
}
