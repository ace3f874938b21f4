using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>The API runs on Flex Consumption, .NET isolated 10, with a managed identity and identity-based storage.</summary>
public sealed class FunctionAppTemplateTests(CompiledTemplate compiled)
{
    private ModuleDeployment FunctionApp => compiled.Module("function-app");

    [Fact]
    public void Plan_is_flex_consumption_FC1()
    {
        var plan = FunctionApp.Resource("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void Runtime_is_dotnet_isolated_10()
    {
        var template = FunctionApp.Template;

        Assert.Equal("dotnet-isolated", (string?)template["parameters"]!["runtimeName"]!["defaultValue"]);
        Assert.Equal("10.0", (string?)template["parameters"]!["runtimeVersion"]!["defaultValue"]);
        Assert.Null(FunctionApp.Parameter("runtimeName"));
        Assert.Null(FunctionApp.Parameter("runtimeVersion"));
        var runtime = Site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("[parameters('runtimeName')]", (string?)runtime["name"]);
        Assert.Equal("[parameters('runtimeVersion')]", (string?)runtime["version"]);
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_come_from_main_parameters()
    {
        var scale = Site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("[parameters('functionInstanceMemoryMB')]", (string?)FunctionApp.Parameter("instanceMemoryMB"));
        Assert.Equal("[parameters('functionMaximumInstanceCount')]", (string?)FunctionApp.Parameter("maximumInstanceCount"));
    }

    [Fact]
    public void Package_is_deployed_from_blob_storage_with_the_system_identity()
    {
        var storage = Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Contains("deploymentPackage", (string?)FunctionApp.Parameter("deploymentContainerUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void App_has_a_system_assigned_identity_and_https_only()
    {
        Assert.Equal("SystemAssigned", (string?)Site["identity"]!["type"]);
        Assert.True((bool)Site["properties"]!["httpsOnly"]!);
        Assert.Equal("functionapp,linux", (string?)Site["kind"]);
    }

    [Fact]
    public void Basic_auth_publishing_is_off()
    {
        var policies = FunctionApp.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Host_storage_connection_is_identity_based()
    {
        var settings = compiled.FunctionAppSettings;

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("blobEndpoint", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("queueEndpoint", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.Contains("tableEndpoint", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void Telemetry_uses_Entra_authentication()
    {
        var settings = compiled.FunctionAppSettings;

        Assert.Equal("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("applicationInsightsConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_passed_in_are_the_settings_applied()
    {
        var config = FunctionApp.Resource("Microsoft.Web/sites/config");

        Assert.EndsWith("'appsettings')]", (string?)config["name"], StringComparison.Ordinal);
        Assert.Equal("[parameters('appSettings')]", (string?)config["properties"]);
    }

    [Fact]
    public void Tags_name_the_azd_service_api()
    {
        Assert.Equal("api", compiled.Resolve(FunctionApp.Parameter("serviceName")));
        Assert.Contains("'azd-service-name', parameters('serviceName')", (string?)Site["tags"], StringComparison.Ordinal);
    }

    private System.Text.Json.Nodes.JsonObject Site => FunctionApp.Resource("Microsoft.Web/sites");
}
