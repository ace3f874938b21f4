using System.Text.Json.Nodes;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Template;

/// <summary>No keys, passwords or SAS tokens in settings: everything connects with managed identities.</summary>
public sealed class SecretsTemplateTests(CompiledTemplate compiled)
{
    private static readonly string[] SecretMarkers =
    [
        "AccountKey=", "SharedAccessSignature", "sig=", "password", "listKeys(", "listSecrets(", "secretRef", "ClientSecret",
    ];

    [Fact]
    public void Function_app_settings_hold_no_secrets()
    {
        AssertNoSecrets("function app setting", compiled.FunctionAppSettings);
    }

    [Fact]
    public void Worker_environment_holds_no_secrets()
    {
        AssertNoSecrets("worker environment variable", compiled.WorkerEnvironment);
    }

    [Fact]
    public void Worker_declares_no_secrets()
    {
        var configuration = compiled.Module("worker-app").Resource("Microsoft.App/containerApps")["properties"]!["configuration"]!;

        Assert.Null(configuration["secrets"]);
    }

    [Fact]
    public void Keys_are_listed_only_for_the_Event_Grid_webhook()
    {
        var modulesListingKeys = CompiledTemplate.Resources(compiled.Root)
            .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments" && r.ToJsonString().Contains("list", StringComparison.Ordinal) && ListsKeys(r))
            .Select(r => (string?)r["name"])
            .ToList();

        Assert.Equal(["tile-uploads"], modulesListingKeys);
    }

    [Fact]
    public void Application_Insights_and_Log_Analytics_refuse_key_authentication()
    {
        var monitoring = compiled.Module("monitoring");

        Assert.True((bool)monitoring.Resource("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)monitoring.Resource("Microsoft.OperationalInsights/workspaces")["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void Container_Apps_logs_need_no_workspace_key()
    {
        var environment = compiled.Module("container-apps-environment");

        Assert.Equal("azure-monitor", (string?)environment.Resource("Microsoft.App/managedEnvironments")["properties"]!["appLogsConfiguration"]!["destination"]);
        Assert.Single(environment.Resources("Microsoft.Insights/diagnosticSettings"));
    }

    [Fact]
    public void Outputs_hold_no_secrets()
    {
        foreach (var (name, output) in compiled.Root["outputs"]!.AsObject())
        {
            Assert.NotEqual("securestring", (string?)output!["type"]);
            Assert.DoesNotContain("listKeys(", output["value"]!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("key", name, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool ListsKeys(JsonNode node) => node switch
    {
        JsonObject o => o.Any(p => ListsKeys(p.Value!)),
        JsonArray a => a.Any(n => n is not null && ListsKeys(n)),
        JsonValue v => v.ToString().Contains("listKeys(", StringComparison.Ordinal) || v.ToString().Contains("listSecrets(", StringComparison.Ordinal),
        _ => false,
    };

    private static void AssertNoSecrets(string what, IReadOnlyDictionary<string, string> settings)
    {
        Assert.NotEmpty(settings);
        foreach (var (key, value) in settings)
        {
            foreach (var marker in SecretMarkers)
            {
                Assert.False(value.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{what} {key} looks like a secret ({marker}): {value}");
            }

            Assert.False(key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && !key.StartsWith("APPLICATIONINSIGHTS", StringComparison.Ordinal), $"{what} {key} is a connection string; use service URIs and a managed identity.");
            Assert.False(key.Contains("SharedKey", StringComparison.OrdinalIgnoreCase) || key.Contains("Password", StringComparison.OrdinalIgnoreCase), $"{what} {key} is a secret setting.");
        }
    }
}
