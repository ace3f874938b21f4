using LandUse.Scoring.Bundles;
using LandUse.Scoring.Tests.Support;
using LandUse.Scoring.Training;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Training;

/// <summary>Trains one real bundle (ResNet18 backbone) on 30 small labeled tiles (the 5 a class folder needs), shared by the real-model tests.</summary>
public sealed class TrainedBundleFixture : IAsyncLifetime
{
    private readonly TempFolder _temp = new();

    public string LabeledDir => _temp.Combine("labeled");

    public string BundleDir => _temp.Combine("bundle");

    public TrainReport Report { get; private set; } = null!;

    public ModelBundle Bundle { get; private set; } = null!;

    public List<TrainProgress> Progress { get; } = [];

    public async ValueTask InitializeAsync()
    {
        LabeledTiles.Write(LabeledDir, perClass: LabeledFolder.MinTilesPerClass);
        var options = new TrainOptions { ValidationFraction = 0.25, Head = new SoftmaxHeadOptions { Iterations = 150 }, Scoring = new() { BatchSize = 8 } };
        Report = await BundleTrainer.TrainAsync(LabeledDir, BundleDir, options, new InlineProgress(Progress.Add), TestContext.Current.CancellationToken);
        Bundle = ModelBundle.Load(BundleDir);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class InlineProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => report(value);
    }
}
