using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Settings;

/// <summary>
/// Every setting the Functions app and the worker read at run time is set by the Bicep: the keys of their options
/// records (found by reflection) against the compiled app settings and container environment.
/// </summary>
public sealed class SettingsCrossCheckTests(CompiledTemplate compiled)
{
    // The Functions app binds its own options and the pipeline's (it hosts the pipeline).
    private static readonly string[] FunctionAssemblies = ["LandUse.Functions", "LandUse.Pipeline"];
    private static readonly string[] WorkerAssemblies = ["LandUse.Worker"];

    /// <summary>Keys the Bicep leaves unset on purpose; each must stay unset in Azure.</summary>
    private static readonly Dictionary<string, string> LeftUnset = new(StringComparer.OrdinalIgnoreCase)
    {
        // Connection strings carry account keys; the account refuses them. Azure uses the *ServiceUri settings.
        ["LandUse__StorageConnectionString"] = "Azurite and local runs only",
        ["Worker__Tiles__ConnectionString"] = "Azurite and local runs only",
        // Shared keys are the local stand-in for Entra ID tokens.
        ["Scoring__SharedKey"] = "local only; Azure uses Scoring__Audience tokens",
        ["Worker__Auth__SharedKey"] = "local only; Azure uses Worker__Auth__Audience tokens",
        // In Azure, Scoring__Endpoint sends all scoring to the GPU worker, so no bundle is loaded in process.
        ["LandUse__ModelBundlePath"] = "in-process scoring only",
        ["LandUse__ModelCacheFolder"] = "in-process scoring only; the temp folder by default",
        // The image bakes no model: the worker loads registry models named by requests.
        ["Worker__ModelPath"] = "local bundle folder only",
        ["Worker__Models__ConnectionString"] = "Azurite and local runs only",
        ["Worker__Models__CacheFolder"] = "the temp folder by default",
        // Tiles come from Worker__Tiles__BlobServiceUri in Azure, not from a folder.
        ["Worker__Tiles__Root"] = "local folder only",
        // The worker derives it from Worker__Auth__TenantId.
        ["Worker__Auth__Authority"] = "derived from the tenant id",
    };

    public static TheoryData<string> Sides => ["functions", "worker"];

    [Theory]
    [MemberData(nameof(Sides))]
    public void Options_records_are_found(string side)
    {
        var keys = KeysOf(side);

        Assert.NotEmpty(keys);
        var sections = keys.Select(k => k.Key.Split("__")[0]).Distinct(StringComparer.Ordinal).ToList();
        Assert.All(side == "functions" ? ["LandUse", "Scoring"] : new[] { "Worker" }, s => Assert.Contains(s, sections));
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Every_option_is_set_by_the_Bicep(string side)
    {
        var settings = SettingsOf(side);

        var missing = KeysOf(side)
            .Where(k => !LeftUnset.ContainsKey(k.Key) && !settings.ContainsKey(k.Key))
            .Select(k => k.ToString())
            .ToList();

        Assert.True(missing.Count == 0, $"Read by the {side} app but not set in infra/bicep/main.bicep: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Options_left_unset_stay_unset_and_still_exist(string side)
    {
        var keys = KeysOf(side).Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = SettingsOf(side);
        var section = side == "functions" ? new[] { "LandUse__", "Scoring__" } : ["Worker__"];

        foreach (var key in LeftUnset.Keys.Where(k => section.Any(s => k.StartsWith(s, StringComparison.Ordinal))))
        {
            Assert.True(keys.Contains(key), $"{key} is in the left-unset list but no options record reads it any more; drop it from the list.");
            Assert.False(settings.ContainsKey(key), $"{key} is set by the Bicep but is meant to stay unset ({LeftUnset[key]}).");
        }
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Literal_values_convert_to_the_option_type(string side)
    {
        var settings = SettingsOf(side);

        foreach (var key in KeysOf(side).Where(k => settings.TryGetValue(k.Key, out var v) && !v.StartsWith('[')))
        {
            var value = settings[key.Key];
            var converted = TypeDescriptor.GetConverter(key.ValueType).ConvertFromInvariantString(value);
            Assert.True(converted is not null, $"{key.Key} = '{value}' does not convert to {key.ValueType.Name}");
        }
    }

    [Fact]
    public void Function_app_never_sends_more_tiles_than_the_worker_accepts()
    {
        var perCall = int.Parse(compiled.FunctionAppSettings["Scoring__MaxTilesPerCall"], CultureInfo.InvariantCulture);
        var cap = int.Parse(compiled.WorkerEnvironment["Worker__MaxTilesPerRequest"], CultureInfo.InvariantCulture);

        Assert.InRange(perCall, 1, cap);
    }

    [Fact]
    public void Function_app_asks_for_tokens_the_worker_accepts()
    {
        Assert.Equal(compiled.WorkerEnvironment["Worker__Auth__Audience"], compiled.FunctionAppSettings["Scoring__Audience"]);
        Assert.Contains("variables('workerAppName')", compiled.FunctionAppSettings["Scoring__Endpoint"], StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_and_worker_read_the_model_registry_container_the_storage_account_has()
    {
        var container = compiled.Resolve(JsonValue.Create(compiled.FunctionAppSettings["LandUse__ModelsContainer"]));
        var containers = compiled.Module("storage").Parameter("containerNames")!.AsArray().Select(c => compiled.Resolve(c)).ToList();

        Assert.Equal("models", container);
        Assert.Equal(container, compiled.Resolve(JsonValue.Create(compiled.WorkerEnvironment["Worker__Models__Container"])));
        Assert.Contains(container, containers);
        Assert.Equal(compiled.WorkerEnvironment["Worker__Tiles__BlobServiceUri"], compiled.WorkerEnvironment["Worker__Models__BlobServiceUri"]);
    }

    [Fact]
    public void Upload_function_is_an_Event_Grid_blob_trigger_on_the_configured_connection()
    {
        var functionName = compiled.Resolve(compiled.Module("tile-uploads").Parameter("functionName"))!;
        var method = Assembly.Load(new AssemblyName("LandUse.Functions")).GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .SingleOrDefault(m => m.CustomAttributes.Any(a => a.AttributeType.Name == "FunctionAttribute" && (string?)a.ConstructorArguments[0].Value == functionName));
        Assert.True(method is not null, $"src/Functions has no [Function(\"{functionName}\")], which the Event Grid subscription targets.");

        var trigger = method.GetParameters().SelectMany(p => p.CustomAttributes).SingleOrDefault(a => a.AttributeType.Name == "BlobTriggerAttribute");
        Assert.True(trigger is not null, $"{functionName} has no [BlobTrigger] parameter.");
        var path = (string)trigger.ConstructorArguments[0].Value!;
        var container = compiled.Resolve(compiled.Module("tile-uploads").Parameter("containerName"));
        Assert.StartsWith($"{container}/", path, StringComparison.Ordinal);
        var named = trigger.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue);
        Assert.True(named.TryGetValue("Source", out var source), $"{functionName} must set BlobTrigger Source = BlobTriggerSource.EventGrid (Flex Consumption has no polling blob trigger).");
        Assert.Equal("EventGrid", Enum.GetName(source.ArgumentType, source.Value!));
        var connection = (string)named["Connection"].Value!;
        Assert.True(compiled.FunctionAppSettings.ContainsKey($"{connection}__blobServiceUri"), $"Blob trigger connection '{connection}' has no {connection}__blobServiceUri setting.");
        Assert.Equal("managedidentity", compiled.FunctionAppSettings[$"{connection}__credential"]);
    }

    private static IReadOnlyList<OptionKey> KeysOf(string side) => OptionKey.From(side == "functions" ? FunctionAssemblies : WorkerAssemblies);

    private Dictionary<string, string> SettingsOf(string side) =>
        new(side == "functions" ? compiled.FunctionAppSettings : compiled.WorkerEnvironment, StringComparer.OrdinalIgnoreCase);

}
