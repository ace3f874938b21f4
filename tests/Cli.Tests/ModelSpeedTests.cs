using LandUse.Cli.Bench;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;
using LandUse.TestSupport;

namespace LandUse.Cli.Tests;

public sealed class ModelSpeedTests
{
    [Fact]
    public async Task Raw_gives_each_batch_size_its_own_figure_from_the_interleaved_rounds_on_the_provider_that_ran()
    {
        var bundle = ModelBundle.Load(await TestBundles.SmallAsync());
        var tile = SyntheticLabels.Png(LandCover.Forest, 0);
        int[] batches = [1, 2];

        var (rates, provider) = ModelSpeed.Raw(bundle, tile, batches, ExecutionProvider.Cpu, TimeSpan.FromMilliseconds(400), rounds: 2);

        Assert.Equal("CPU", provider);
        Assert.Equal(batches.Length, rates.Count);
        Assert.All(rates, rate => Assert.InRange(rate, 0.1, 10_000));
    }

    [Fact]
    public async Task Raw_refuses_zero_rounds()
    {
        var bundle = ModelBundle.Load(await TestBundles.SmallAsync());

        Assert.Throws<ArgumentOutOfRangeException>(() => ModelSpeed.Raw(bundle, SyntheticLabels.Png(LandCover.Barren, 0), [1], ExecutionProvider.Cpu, TimeSpan.FromSeconds(1), rounds: 0));
    }
}
