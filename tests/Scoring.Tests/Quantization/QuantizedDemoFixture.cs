using LandUse.Scoring.Bundles;
using LandUse.Scoring.Quantization;
using LandUse.Synthetic.Tiles;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>
/// The demo bundle (real ResNet18, head trained on synthetic tiles; built once per machine and cached) and its INT8
/// twin, calibrated on a synthetic labeled set of another seed: shared by the real-model quantization tests.
/// </summary>
public sealed class QuantizedDemoFixture : IAsyncLifetime
{
    public const int CalibrationSeed = 11;
    public const int CalibrationPerClass = 16;
    public const int CalibrationTiles = 48;

    private readonly TempFolder _temp = new();

    public string CalibrationDir => _temp.Combine("calibration");

    public string Int8Dir => _temp.Combine("int8");

    public ModelBundle Fp32 { get; private set; } = null!;

    public QuantizeReport Report { get; private set; } = null!;

    public ModelBundle Twin => Report.Bundle;

    public string Scratch(string name) => _temp.Combine(name);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Fp32 = ModelBundle.Load(await TestBundles.DemoAsync());
        await TileSetWriter.WriteAsync(CalibrationDir, CalibrationPerClass, CalibrationSeed, null, ct);
        var options = new QuantizeOptions { Tiles = CalibrationTiles, HeldOutFraction = 0.25, Scoring = new() { BatchSize = 8 } };
        Report = await BundleQuantizer.QuantizeAsync(Fp32.Folder, CalibrationDir, Int8Dir, options, null, ct);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
