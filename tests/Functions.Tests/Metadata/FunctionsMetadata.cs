using System.Text.Json;

namespace LandUse.Functions.Tests.Metadata;

/// <summary>One function of the generated <c>functions.metadata</c>, reduced to what the host routes and triggers on.</summary>
internal sealed record FunctionEntry(string Name, string EntryPoint, string TriggerType, JsonElement Trigger, IReadOnlyList<string> BindingTypes)
{
    public string? Get(string property) =>
        Trigger.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string> Methods =>
        Trigger.TryGetProperty("methods", out var value) ? [.. value.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [];
}

/// <summary>Reads the <c>functions.metadata</c> the Worker SDK generated into the build output (copied beside the tests).</summary>
internal static class FunctionsMetadata
{
    public static string PathInOutput => Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    public static IReadOnlyDictionary<string, FunctionEntry> Load()
    {
        Assert.True(File.Exists(PathInOutput), $"functions.metadata was not generated into the build output ({PathInOutput}).");
        using var document = JsonDocument.Parse(File.ReadAllText(PathInOutput));
        var functions = new Dictionary<string, FunctionEntry>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToArray();
            var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var name = function.GetProperty("name").GetString()!;
            functions.Add(name, new FunctionEntry(
                name,
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger,
                [.. bindings.Select(b => b.GetProperty("type").GetString()!)]));
        }

        return functions;
    }
}
