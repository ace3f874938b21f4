using System.Diagnostics;
using System.Globalization;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Hosting;
using LandUse.Scoring.Quantization;
using LandUse.Scoring.Training;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Demo;

/// <summary>
/// The demo model: a bundle trained on synthetic tiles (<c>synth tiles --seed 1</c>), built on first use and cached,
/// here where the demo lives (Synthetic only draws tiles, Scoring only trains), so the CLI and the tests work on a fresh
/// machine without real imagery; its INT8 twin, calibrated on the same training tiles, is built and cached beside it. It is
/// a demo, not a land-use model for real NAIP tiles: train one with <c>landuse train</c> on real labeled tiles for that.
/// </summary>
public static class DemoBundle
{
    /// <summary>Bump whenever the generator or the training recipe changes, so stale cached bundles are not used.</summary>
    public const int RecipeVersion = 4;

    /// <summary>Seed of the synthetic training set.</summary>
    public const int TrainSeed = 1;

    /// <summary>
    /// Training tiles per class (80 % train, 20 % validation). 100 scores 99.5 % 6-class on the default 40x40 county,
    /// against 99.6 % with 200, and halves the first run's model build.
    /// </summary>
    public const int PerClass = 100;

    /// <summary>Points at a prebuilt bundle folder; when set it is used as is and nothing is built.</summary>
    public const string BundleVariable = "LANDUSE_DEMO_BUNDLE";

    /// <summary>Calibration tiles of the INT8 twin, taken evenly across classes from the training tiles.</summary>
    public const int CalibrationTiles = 256;

    /// <summary>The cached bundle folder for this recipe: <c>&lt;cache&gt;/demo-bundle-v&lt;N&gt;</c>.</summary>
    public static string CacheFolder => Path.Combine(LocalCache.Root(), FolderName);

    /// <summary>The cached INT8 twin: <c>&lt;cache&gt;/demo-bundle-v&lt;N&gt;-int8</c>.</summary>
    public static string Int8CacheFolder => Int8Of(CacheFolder);

    /// <summary>How the demo bundle is trained.</summary>
    public static TrainOptions TrainOptions { get; } = new()
    {
        Seed = TrainSeed,
        Name = "landuse-demo-synthetic",
        Version = string.Create(CultureInfo.InvariantCulture, $"landuse-demo-synthetic-v{RecipeVersion}"),
    };

    private static string FolderName => string.Create(CultureInfo.InvariantCulture, $"demo-bundle-v{RecipeVersion}");

    /// <summary>
    /// Returns the demo bundle folder, building it on first use. Safe when several processes ask at once: one builds
    /// in a private temporary folder under a file lock and moves the finished bundle into place; the others wait.
    /// </summary>
    public static Task<string> EnsureAsync(IProgress<string>? progress, CancellationToken ct) => EnsureAsync(ModelPrecision.Fp32, progress, ct);

    /// <summary>
    /// The demo bundle of <paramref name="precision"/> (<see cref="ModelPrecision.Fp32"/> or <see cref="ModelPrecision.Int8"/>,
    /// its statically quantized twin), both built together on first use. A bundle named by <see cref="BundleVariable"/> is
    /// used as is, whatever its precision.
    /// </summary>
    public static async Task<string> EnsureAsync(string precision, IProgress<string>? progress, CancellationToken ct)
    {
        if (!ModelPrecision.IsKnown(precision))
        {
            throw new ArgumentException($"Precision '{precision}' is not one of {ModelPrecision.Fp32}, {ModelPrecision.Int8}.", nameof(precision));
        }

        var given = Environment.GetEnvironmentVariable(BundleVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var folder = Path.GetFullPath(given);
            if (!IsComplete(folder))
            {
                throw new DirectoryNotFoundException(
                    $"{BundleVariable} points at '{folder}', which is not a model bundle (needs {ModelBundle.ModelFileName} and {ModelBundle.ManifestFileName}).");
            }

            return folder;
        }

        var cache = LocalCache.Root();
        var final = Path.Combine(cache, FolderName);
        var wanted = precision == ModelPrecision.Int8 ? Int8Of(final) : final;
        if (IsComplete(final) && IsComplete(Int8Of(final)))
        {
            return wanted;
        }

        Directory.CreateDirectory(cache);
        using (await FolderLock.AcquireAsync(final + ".lock", () => progress?.Report("waiting for another build of the demo bundle to finish"), ct).ConfigureAwait(false))
        {
            if (IsComplete(final) && IsComplete(Int8Of(final)))
            {
                return wanted;
            }

            await BuildAsync(cache, final, progress, ct).ConfigureAwait(false);
        }

        return wanted;
    }

    private static async Task BuildAsync(string cache, string final, IProgress<string>? progress, CancellationToken ct)
    {
        // Holding the lock: anything left by a build that died is ours to clear.
        foreach (var stale in Directory.EnumerateDirectories(cache, FolderName + ".tmp-*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var old in new[] { final, Int8Of(final) }.Where(Directory.Exists))
        {
            Directory.Delete(old, recursive: true);
        }

        var work = Path.Combine(cache, string.Create(CultureInfo.InvariantCulture, $"{FolderName}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            var started = Stopwatch.StartNew();
            var tiles = Path.Combine(work, "tiles");
            var bundle = Path.Combine(work, "bundle");
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"building the demo model (first use): {PerClass * 6} synthetic tiles, seed {TrainSeed}, in {cache}"));
            await TileSetWriter.WriteAsync(tiles, PerClass, TrainSeed, null, ct, MachineCores.Count).ConfigureAwait(false);
            progress?.Report("training the demo model on ResNet18 features");
            var report = await BundleTrainer.TrainAsync(tiles, bundle, TrainOptions, new StageProgress(progress), ct).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"demo model ready in {started.Elapsed.TotalSeconds:F0} s: validation accuracy 6-class {report.ValidationAccuracy6:P1}, 3-class {report.ValidationAccuracy3:P1}"));
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"quantizing the demo model to INT8 (calibrated on {CalibrationTiles} of its training tiles)"));
            var int8 = Path.Combine(work, "int8");
            var quantized = await BundleQuantizer.QuantizeAsync(
                bundle, tiles, int8, new QuantizeOptions { Tiles = CalibrationTiles, HeldOutFraction = 0, Seed = TrainSeed }, null, ct).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"INT8 twin ready in {started.Elapsed.TotalSeconds:F0} s: {quantized.QuantizedConvs} Convs int8, model {quantized.ParentBytes / 1048576.0:F0} -> {quantized.Bytes / 1048576.0:F0} MiB"));

            // The twin moves first: the FP32 folder in place is what marks a finished build of both.
            Directory.Move(int8, Int8Of(final));
            Directory.Move(bundle, final);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Int8Of(string fp32Folder) => fp32Folder + "-" + ModelPrecision.Int8;

    private static bool IsComplete(string folder) =>
        File.Exists(Path.Combine(folder, ModelBundle.ModelFileName)) && File.Exists(Path.Combine(folder, ModelBundle.ManifestFileName));

    /// <summary>Turns training stages into a line at each start and each quarter of feature extraction.</summary>
    private sealed class StageProgress(IProgress<string>? target) : IProgress<TrainProgress>
    {
        private string stage = string.Empty;
        private int quarter = -1;

        public void Report(TrainProgress value)
        {
            var q = value.Total > 0 ? value.Done * 4 / value.Total : 4;
            if (target is null || (value.Stage == stage && q == quarter))
            {
                return;
            }

            (stage, quarter) = (value.Stage, q);
            target.Report(string.Create(CultureInfo.InvariantCulture, $"  {value.Stage}: {value.Done}/{value.Total}"));
        }
    }
}
