using LandUse.Scoring.Bundles;
using LandUse.TestSupport;

namespace LandUse.Worker.Tests.Support;

/// <summary>The real demo bundle (built once per machine, then cached) that every worker test scores with.</summary>
internal static class TestModel
{
    public static Task<string> PathAsync() => TestBundles.DemoAsync();

    /// <summary>Loads the bundle for in-process comparisons with what the worker answers.</summary>
    public static async Task<ModelBundle> LoadAsync() => ModelBundle.Load(await PathAsync());
}
