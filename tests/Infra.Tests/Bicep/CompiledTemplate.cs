using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(LandUse.Infra.Tests.Bicep.CompiledTemplate))]

namespace LandUse.Infra.Tests.Bicep;

/// <summary>
/// main.bicep compiled once per test run; the ARM JSON with helpers to reach module deployments, their resources
/// and the settings the two apps receive.
/// </summary>
public sealed partial class CompiledTemplate : IAsyncLifetime
{
    private JsonObject? root;

    internal BicepResult Build { get; private set; } = new(-1, string.Empty, "not built");

    internal BicepResult Lint { get; private set; } = new(-1, string.Empty, "not linted");

    /// <summary>The subscription-scope template.</summary>
    public JsonObject Root => root ?? throw new InvalidOperationException($"main.bicep did not compile:\n{Build.StandardError}");

    public async ValueTask InitializeAsync()
    {
        // Both runs are mostly CLI start-up; side by side they take the time of one.
        var build = BicepCli.RunAsync("build", BicepCli.MainBicep, "--stdout");
        var lint = BicepCli.RunAsync("lint", BicepCli.MainBicep);
        Build = await build;
        Lint = await lint;
        if (Build.ExitCode == 0)
        {
            root = JsonNode.Parse(Build.StandardOutput)!.AsObject();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Resources of a template, whether listed (classic) or keyed by symbolic name (language version 2.0).</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        JsonObject map => map.Select(pair => pair.Value!.AsObject()),
        _ => [],
    };

    /// <summary>The module deployment named <paramref name="name"/> in main.bicep.</summary>
    public ModuleDeployment Module(string name)
    {
        var deployment = Resources(Root).SingleOrDefault(r =>
            (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name)
            ?? throw new InvalidOperationException($"No module deployment named '{name}' in main.bicep.");
        return new ModuleDeployment(deployment);
    }

    /// <summary>Settings of the function app, as main.bicep passes them (keys exact, values literal or ARM expressions).</summary>
    public IReadOnlyDictionary<string, string> FunctionAppSettings =>
        Module("function-app").Parameter("appSettings")!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.ToString(), StringComparer.Ordinal);

    /// <summary>Environment variables of the worker container, as main.bicep passes them.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment =>
        Module("worker-app").Parameter("env")!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => e!["value"]!.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// Resolves a main-template value that is a literal or a <c>[variables('x').y]</c> reference to its literal text;
    /// null when it depends on deployment-time values.
    /// </summary>
    public string? Resolve(JsonNode? value)
    {
        if (value is not JsonValue leaf || leaf.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return value?.ToString();
        }

        var text = (string)leaf!;
        if (!text.StartsWith('[') || text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text;
        }

        var match = VariablePath().Match(text);
        if (!match.Success)
        {
            return null;
        }

        JsonNode? node = Root["variables"]?[match.Groups["name"].Value];
        foreach (var member in match.Groups["member"].Captures.Select(c => c.Value))
        {
            node = node?[member];
        }

        return node is null ? null : Resolve(node);
    }

    [GeneratedRegex(@"^\[variables\('(?<name>[A-Za-z0-9_]+)'\)(\.(?<member>[A-Za-z0-9_]+))*\]$")]
    private static partial Regex VariablePath();
}

/// <summary>One module of main.bicep: the deployment resource, its nested template and the parameters passed in.</summary>
public sealed record ModuleDeployment(JsonObject Deployment)
{
    public JsonObject Template => Deployment["properties"]!["template"]!.AsObject();

    /// <summary>The value main.bicep passes for a module parameter, or null when it passes none.</summary>
    public JsonNode? Parameter(string name) => Deployment["properties"]!["parameters"]?[name]?["value"];

    /// <summary>The single resource of a type in the module; fails naming the type when there is none or several.</summary>
    public JsonObject Resource(string type) => Resources(type) is [var only]
        ? only
        : throw new InvalidOperationException($"Expected one {type} in module '{Deployment["name"]}', found {Resources(type).Count}.");

    /// <summary>All resources of a type in the module that are deployed (existing references left out).</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. CompiledTemplate.Resources(Template).Where(r => (string?)r["type"] == type && r["existing"] is null)];
}
