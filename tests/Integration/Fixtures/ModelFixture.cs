using LandUse.Scoring.Bundles;
using LandUse.Scoring.Training;
using LandUse.Synthetic.Tiles;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// A real model bundle for the tests: the ResNet18 backbone with a softmax head trained by the scoring trainer on a
/// small synthetic labeled set. Built once into <c>.cache/</c> (under a file lock) and reused by later runs.
/// </summary>
public sealed class ModelFixture : IAsyncLifetime
{
    private const int TrainPerClass = 12;
    private const int TrainSeed = 20240611;

    public string BundleDir { get; } = Path.Combine(RepoPaths.Cache, "integration-bundle-v1");

    public string ModelVersion { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var manifest = Path.Combine(BundleDir, ModelBundle.ManifestFileName);
        if (!File.Exists(manifest))
        {
            using var gate = await FileLock.AcquireAsync(BundleDir + ".lock", TimeSpan.FromMinutes(10), CancellationToken.None);
            if (!File.Exists(manifest))
            {
                var labeled = Path.Combine(Path.GetTempPath(), "landuse-train-" + Guid.NewGuid().ToString("N")[..8]);
                try
                {
                    await TileSetWriter.WriteAsync(labeled, TrainPerClass, TrainSeed, null, CancellationToken.None);
                    await BundleTrainer.TrainAsync(labeled, BundleDir, new TrainOptions { Name = "integration", ValidationFraction = 0.25 });
                }
                finally
                {
                    Directory.Delete(labeled, recursive: true);
                }
            }
        }

        ModelVersion = ModelBundle.Load(BundleDir).Version;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
