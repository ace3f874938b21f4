using System.CommandLine;
using System.Text.Json.Nodes;
using LandUse.Cli.Demo;
using LandUse.Scoring.Output;

namespace LandUse.Cli.Tests;

/// <summary>`landuse model quantize` then `landuse score --model` with the INT8 twin, end to end on `landuse synth tiles` tiles and the demo bundle.</summary>
public sealed class ModelQuantizeCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-cli-quantize", Guid.NewGuid().ToString("N"));

    public ModelQuantizeCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Quantize_prints_fp32_and_int8_side_by_side_then_score_and_bench_use_the_int8_bundle()
    {
        var ct = TestContext.Current.CancellationToken;
        var fp32 = await DemoBundle.EnsureAsync(null, ct);
        var labeled = Path.Combine(_root, "labeled");
        var int8 = Path.Combine(_root, "int8");
        Assert.Equal(0, (await Cli("synth", "tiles", "--out", labeled, "--per-class", "8", "--seed", "21")).Exit);

        var (exit, output, error) = await Cli("model", "quantize", fp32, "--calibrate", labeled, "--out", int8, "--tiles", "24", "--batch-size", "8");

        Assert.True(exit == 0, error);
        Assert.Contains("calibrated on 24 tiles (percentile-99.999); 22 Convs int8 per channel (1 with 7-bit weights)", output, StringComparison.Ordinal);
        Assert.Contains("held out of calibration: 24 tiles", output, StringComparison.Ordinal);
        Assert.Matches(@"6-class accuracy\s+\d+\.\d %\s+\d+\.\d %\s+[+-]?\d+\.\d points", output);
        Assert.Matches(@"3-class accuracy\s+\d+\.\d %\s+\d+\.\d %", output);
        Assert.Matches(@"tiles/s \(model only, batch 8\)\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\dx, timed in alternating rounds", output);
        Assert.Matches(@"agreement \(same class\) \d+\.\d %; feature cosine \(features, the head's input\) mean 0\.99\d\d, min \d\.\d{4}", output);
        Assert.Contains($"bundle landuse-demo-synthetic-v{DemoBundle.RecipeVersion}-int8 (precision int8, parent landuse-demo-synthetic-v{DemoBundle.RecipeVersion}) -> {int8}", output, StringComparison.Ordinal);
        Assert.Contains("calibrate: 24/24", error, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(int8, "manifest.json"), ct))!;
        Assert.Equal("int8", (string?)manifest["precision"]);
        Assert.Equal($"landuse-demo-synthetic-v{DemoBundle.RecipeVersion}", (string?)manifest["parent"]!["version"]);

        var csv = Path.Combine(_root, "predictions.csv");
        var scored = await Cli("score", labeled, "--model", int8, "--out", csv, "--batch-size", "8");

        Assert.True(scored.Exit == 0, scored.Error);
        Assert.Contains($"scored 48, failed 0", scored.Output, StringComparison.Ordinal);
        Assert.Contains($"model landuse-demo-synthetic-v{DemoBundle.RecipeVersion}-int8", scored.Output, StringComparison.Ordinal);
        var rows = PredictionCsv.ReadFile(csv).ToArray();
        Assert.Equal(48, rows.Length);
        Assert.True(rows.Count(r => r.Label?.ToString() == r.Path.Split('/')[0]) >= 44, "the INT8 twin of the demo model should label nearly every synthetic tile right");

        var cuda = await Cli("score", labeled, "--model", int8, "--out", csv, "--provider", "Cuda");
        Assert.Equal(2, cuda.Exit);
        Assert.Contains("it is an INT8 bundle, made for the CPU provider", cuda.Error, StringComparison.Ordinal);

        // bench reports the bundle's precision, and compares the two (working set in child processes); figures are not checked.
        var bench = await Cli("bench", "--model", int8, "--compare", fp32, "--batch-sizes", "1", "--seconds", "1", "--rounds", "1");
        Assert.True(bench.Exit == 0, bench.Error);
        Assert.Contains($"A: landuse-demo-synthetic-v{DemoBundle.RecipeVersion} (fp32)   B: landuse-demo-synthetic-v{DemoBundle.RecipeVersion}-int8 (int8)", bench.Output, StringComparison.Ordinal);
        Assert.Matches(@"raw model\s+1\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d\dx", bench.Output);
        Assert.Matches(@"decode\+model\s+32\s+\d+\.\d\s+\d+\.\d", bench.Output);
        Assert.Matches(@"peak working set, scoring at batch 1 in a process of its own: A \d+ MiB, B \d+ MiB", bench.Output);
    }

    [Fact]
    public async Task Quantize_with_a_missing_calibration_folder_names_it_and_writes_nothing()
    {
        var fp32 = await DemoBundle.EnsureAsync(null, TestContext.Current.CancellationToken);
        var missing = Path.Combine(_root, "no-such-folder");
        var int8 = Path.Combine(_root, "int8");

        var (exit, _, error) = await Cli("model", "quantize", fp32, "--calibrate", missing, "--out", int8);

        Assert.Equal(2, exit);
        Assert.Contains($"Labeled folder '{missing}' does not exist.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(int8));
    }

    [Fact]
    public async Task Quantize_needs_its_calibration_folder_and_output()
    {
        var (exit, _, error) = await Cli("model", "quantize", _root);

        Assert.NotEqual(0, exit);
        Assert.Contains("--calibrate", error, StringComparison.Ordinal);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LandUseCli.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
