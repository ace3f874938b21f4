using LandUse.Scoring.Quantization;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>What the quantizer refuses before it writes anything.</summary>
public sealed class BundleQuantizerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_graph_without_convolutions_is_refused_with_the_reason_and_nothing_is_written()
    {
        var fp32 = TinyModel.WriteBundle(_temp.Combine("tiny"));
        LabeledTiles.Write(_temp.Combine("labeled"), perClass: 5);
        var output = _temp.Combine("int8");

        var ex = await Assert.ThrowsAsync<NotSupportedException>(() =>
            BundleQuantizer.QuantizeAsync(fp32.Folder, _temp.Combine("labeled"), output, new QuantizeOptions(), null, TestContext.Current.CancellationToken));

        Assert.Contains("The graph has no Conv with constant weights; there is nothing to quantize.", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(0, 0.5, 99.999)]
    [InlineData(16, 1.0, 99.999)]
    [InlineData(16, 0.5, 40.0)]
    public async Task Options_out_of_range_are_refused(int tiles, double heldOut, double percentile)
    {
        var options = new QuantizeOptions { Tiles = tiles, HeldOutFraction = heldOut, Percentile = percentile };

        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() =>
            BundleQuantizer.QuantizeAsync(_temp.Path, _temp.Path, _temp.Combine("out"), options, null, TestContext.Current.CancellationToken));
    }
}
