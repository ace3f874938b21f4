using LandUse.Cli.Demo;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Training;
using LandUse.Synthetic.Tiles;

namespace LandUse.TestSupport;

/// <summary>
/// The real model bundles tests score with, built once per machine and cached (each build under a file lock, so test
/// processes running at once build it once): the demo bundle from the CLI's own recipe, and a small test bundle
/// (12 synthetic tiles per class) in the repository's git-ignored <c>.cache/</c>.
/// </summary>
public static class TestBundles
{
    private const int SmallPerClass = 12;
    private const int SmallSeed = 20240611;
    private static readonly Lazy<Task<string>> Demo = new(() => DemoBundle.EnsureAsync(null, CancellationToken.None));
    private static readonly Lazy<Task<string>> Small = new(BuildSmallAsync);

    /// <summary>The demo bundle (<c>~/.cache/landuse/demo-bundle-v&lt;N&gt;</c>, or <c>LANDUSE_DEMO_BUNDLE</c>).</summary>
    public static Task<string> DemoAsync() => Demo.Value;

    /// <summary>The small test bundle folder, <c>.cache/integration-bundle-v1</c>.</summary>
    public static Task<string> SmallAsync() => Small.Value;

    private static async Task<string> BuildSmallAsync()
    {
        var folder = Path.Combine(RepoPaths.Cache, "integration-bundle-v1");
        var manifest = Path.Combine(folder, ModelBundle.ManifestFileName);
        if (!File.Exists(manifest))
        {
            using var gate = await FileLock.AcquireAsync(folder + ".lock", TimeSpan.FromMinutes(10), CancellationToken.None).ConfigureAwait(false);
            if (!File.Exists(manifest))
            {
                using var labeled = new TempFolder("landuse-train");
                await TileSetWriter.WriteAsync(labeled.Path, SmallPerClass, SmallSeed, null, CancellationToken.None, MachineCores.Count).ConfigureAwait(false);
                await BundleTrainer.TrainAsync(labeled.Path, folder, new TrainOptions { Name = "integration", ValidationFraction = 0.25 }).ConfigureAwait(false);
            }
        }

        return folder;
    }
}
