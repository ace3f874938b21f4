using System.Reflection;
using System.Runtime.InteropServices;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Inference.Cuda;
using LandUse.Scoring.Inference.Staged;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Tests.Inference;

/// <summary>
/// Asking for CUDA where it cannot run gives a CPU session and says why, and the placement check reads a real
/// profile: on this CPU-only machine every path here is the fallback one.
/// </summary>
public sealed class CudaFallbackTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Asking_for_CUDA_without_the_CUDA_provider_falls_back_to_CPU_and_says_why()
    {
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { Provider = ExecutionProvider.Cuda });

        Assert.Equal("CPU", scorer.ActiveProvider);
        Assert.NotNull(scorer.ProviderFallback);
        Assert.Contains("CUDA", scorer.ProviderFallback, StringComparison.Ordinal);
        Assert.Contains(ExpectedReason(), scorer.ProviderFallback, StringComparison.Ordinal);
    }

    [Fact]
    public void The_staged_scorer_falls_back_the_same_way_and_still_scores()
    {
        using var scorer = new StagedTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions { Provider = ExecutionProvider.Cuda, BatchSize = 4 });

        var predictions = scorer.Score([new TileInput("g.png", Images.SolidPng(8, 8, 0, 255, 0))], TestContext.Current.CancellationToken);

        Assert.Equal("CPU", scorer.ActiveProvider);
        Assert.Contains(ExpectedReason(), scorer.ProviderFallback, StringComparison.Ordinal);
        Assert.Equal(LandUse.Scoring.Labels.LandCover.Forest, Assert.Single(predictions).Label);
    }

    [Fact]
    public void Asking_for_CPU_records_no_fallback()
    {
        using var scorer = new OnnxTileScorer(TinyModel.WriteBundle(_temp.Path), new ScoringOptions());

        Assert.Equal("CPU", scorer.ActiveProvider);
        Assert.Null(scorer.ProviderFallback);
    }

    [Fact]
    public void The_placement_check_reads_a_real_profile_and_finds_a_CPU_session_not_on_CUDA()
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);
        using var onCpu = ProfiledCpuSession(bundle);
        using var again = ProfiledCpuSession(bundle);

        var cuda = CudaSessions.Placement(onCpu);
        var cpu = CudaSessions.Placement(again, NodePlacement.CpuProvider);

        Assert.NotNull(cuda);
        Assert.Contains("no node ran on CUDAExecutionProvider", cuda, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", cuda, StringComparison.Ordinal);
        Assert.Null(cpu);
    }

    [Fact]
    public void Compute_heavy_nodes_left_on_the_CPU_are_named_with_their_counts()
    {
        var placement = new NodePlacement(
        [
            ("MemcpyFromHost", NodePlacement.CudaProvider),
            ("Conv", NodePlacement.CudaProvider),
            ("Conv", NodePlacement.CpuProvider),
            ("Conv", NodePlacement.CpuProvider),
            ("Gemm", NodePlacement.CpuProvider),
            ("Shape", NodePlacement.CpuProvider),
        ]);

        var shortfall = placement.Shortfall(NodePlacement.CudaProvider);

        Assert.Equal("compute-heavy nodes ran off CUDAExecutionProvider: 2 Conv on CPUExecutionProvider, 1 Gemm on CPUExecutionProvider", shortfall);
        Assert.Null(new NodePlacement([("Conv", NodePlacement.CudaProvider), ("Shape", NodePlacement.CpuProvider)]).Shortfall(NodePlacement.CudaProvider));
        Assert.NotNull(new NodePlacement([]).Shortfall(NodePlacement.CudaProvider));
    }

    [Fact]
    public void The_reason_for_the_GPU_package_provider_not_loading_names_the_CUDA_library_the_loader_could_not_find()
    {
        var folder = typeof(CudaFallbackTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "OnnxRuntimeGpuPackage").Value!;
        var provider = Path.Combine(folder, "runtimes", "linux-x64", "native", CudaProviderLibrary.FileName);
        Assert.True(File.Exists(provider), $"{provider} is not restored (Scoring.Tests downloads the GPU package).");

        var reason = CudaProviderLibrary.Diagnose(provider);

        if (NativeLibrary.TryLoad("libcublasLt.so.13", out var cublas))
        {
            NativeLibrary.Free(cublas);
            Assert.EndsWith("load", reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(provider, reason, StringComparison.Ordinal);
            Assert.Matches(@"lib(cublasLt|cublas|cudart|curand)\.so\.\d+: cannot open shared object file", reason);
        }
    }

    /// <summary>On the CPU package the CUDA entry point is missing; with the GPU package on a machine without CUDA the loader names the library.</summary>
    private static string ExpectedReason() =>
        CudaProviderLibrary.Locate() is null ? "no CUDA execution provider" : "cannot open shared object file";

    private InferenceSession ProfiledCpuSession(ModelBundle bundle)
    {
        using var options = new SessionOptions { ProfileOutputPathPrefix = Path.Combine(_temp.Path, "profile") };
        options.EnableProfiling = true;
        return new InferenceSession(bundle.ModelPath, options);
    }
}
