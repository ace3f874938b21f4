using System.CommandLine;

namespace LandUse.Cli.Tests;

/// <summary>`landuse bench --provider Cuda` never prints CPU figures under a CUDA request: here (no GPU) it refuses, saying why.</summary>
public sealed class BenchProviderTests
{
    [Fact]
    public async Task Bench_asked_for_CUDA_where_it_cannot_run_measures_nothing_and_says_which_provider_would_have_run()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LandUseCli.BuildRoot()
            .Parse(["bench", "--provider", "Cuda", "--batch-sizes", "1", "--seconds", "1"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);

        Assert.Equal(3, exit);
        Assert.StartsWith("--provider Cuda: CUDA is not usable here, so nothing was measured: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(File.Exists(Path.Combine(AppContext.BaseDirectory, "libonnxruntime_providers_cuda.so")) ? "cannot open shared object file" : "no CUDA execution provider", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Without --provider Cuda, bench measures the CPU.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tiles/s", output.ToString(), StringComparison.Ordinal);
    }
}
