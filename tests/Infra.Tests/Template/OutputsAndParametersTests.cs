using System.Text.Json.Nodes;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>azd gets every parameter it must supply and every output it and the README use.</summary>
public sealed class OutputsAndParametersTests(CompiledTemplate compiled)
{
    [Theory]
    [InlineData("API_BASE_URL")]
    [InlineData("STORAGE_ACCOUNT_NAME")]
    [InlineData("STORAGE_BLOB_ENDPOINT")]
    [InlineData("WORKER_URL")]
    [InlineData("AZURE_CONTAINER_REGISTRY_ENDPOINT")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("FUNCTION_APP_NAME")]
    [InlineData("FUNCTION_APP_PRINCIPAL_ID")]
    public void Output_is_declared(string name)
    {
        Assert.NotNull(compiled.Root["outputs"]![name]);
    }

    [Fact]
    public void API_base_URL_is_the_app_host_with_the_api_route_prefix()
    {
        var value = (string?)compiled.Root["outputs"]!["API_BASE_URL"]!["value"];

        Assert.StartsWith("[format('https://{0}/api'", value, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_is_subscription_scoped_and_creates_the_resource_group()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", (string?)compiled.Root["$schema"], StringComparison.Ordinal);
        Assert.Single(CompiledTemplate.Resources(compiled.Root), r => (string?)r["type"] == "Microsoft.Resources/resourceGroups");
    }

    [Fact]
    public void Resource_token_comes_from_uniqueString_of_subscription_environment_and_location()
    {
        Assert.Equal("[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]", (string?)compiled.Root["variables"]!["resourceToken"]);
        Assert.Equal("[parameters('environmentName')]", (string?)compiled.Root["variables"]!["tags"]!["azd-env-name"]);
    }

    [Fact]
    public void Parameters_file_supplies_each_required_parameter_and_nothing_unknown()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep", "main.parameters.json")))!;
        var supplied = file["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var declared = compiled.Root["parameters"]!.AsObject();

        foreach (var (name, parameter) in declared)
        {
            Assert.True(parameter!["defaultValue"] is not null || supplied.Contains(name), $"main.parameters.json does not supply required parameter {name}");
        }

        Assert.All(supplied, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json supplies {name}, which main.bicep does not declare"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["parameters"]!["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["parameters"]!["location"]!["value"]);
    }
}
