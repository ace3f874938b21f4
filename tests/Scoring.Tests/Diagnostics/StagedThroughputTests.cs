using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Diagnostics;

/// <summary>The worker-path benchmark runs end to end (here on the CPU provider) and names the provider on every line; figures are not checked.</summary>
public sealed class StagedThroughputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Prints_without_decode_with_decode_and_decode_alone_per_batch_size_naming_the_provider_that_ran()
    {
        using var output = new StringWriter();

        var timings = StagedThroughput.Run(TinyModel.WriteBundle(_temp.Path), Images.SolidPng(8, 8, 10, 250, 10), [4], ExecutionProvider.Cpu, 1, output);

        var timing = Assert.Single(timings);
        Assert.Equal(("CPU", 4), (timing.Provider, timing.Batch));
        Assert.True(timing.InferenceTilesPerSecond > 0 && timing.DecodeTilesPerSecond > 0 && timing.PipelinedTilesPerSecond > 0);
        Assert.Matches(@"worker path  batch   4 on CPU: without decode +\d+\.\d tiles/s, with decode \(pipelined\) +\d+\.\d tiles/s, decode alone +\d+\.\d tiles/s", output.ToString());
    }
}
