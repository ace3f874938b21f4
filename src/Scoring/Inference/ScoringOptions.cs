using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference;

/// <summary>How a scorer runs: batch size, provider, threads and the decode limits applied to every tile.</summary>
public sealed record ScoringOptions
{
    /// <summary>Tiles per ONNX Runtime call.</summary>
    public int BatchSize { get; init; } = 32;

    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>
    /// On the CPU lanes, tiles per model call: a lane decodes <see cref="BatchSize"/> tiles, then runs the model over them
    /// this many at a time. The activations a call holds scale with it (about 4.4 MB per tile for the FP32 ResNet18, per
    /// lane); at 4 a call's activations stay near the L3 cache and in <see cref="CpuMemoryArena"/>'s few reused blocks,
    /// and the model runs faster per tile than at 8 or 32 (docs/PERFORMANCE.md). 0 means the whole batch in one call.
    /// </summary>
    public int ModelBatchSize { get; init; } = 4;

    /// <summary>
    /// Intra-op threads per session; 0 lets <see cref="Hosting.CoreBudget"/> choose (on the CPU: one-thread lanes, one per
    /// core; on CUDA: the machine's cores for the operators that stay on the CPU).
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// ONNX Runtime's CPU memory arena: a call's activations come from blocks kept between calls instead of fresh pages
    /// from the kernel each time (without it a 600-tile FP32 `score` spent 7 % of its CPU time in page faults). It holds
    /// the largest call's activations, so it suits small <see cref="ModelBatchSize"/>s: about 1 GB for a whole batch of 64.
    /// </summary>
    public bool CpuMemoryArena { get; init; } = true;

    /// <summary>
    /// Where CPU sessions keep their optimized graphs between processes (<see cref="OptimizedGraphCache"/>); null turns
    /// the cache off. Default: <c>ort-graphs/</c> in the local cache.
    /// </summary>
    public string? GraphCacheFolder { get; init; } = OptimizedGraphCache.DefaultFolder();

    public ResizePolicy Resize { get; init; } = ResizePolicy.Resize;

    /// <summary>Files larger than this are rejected before decoding.</summary>
    public long MaxFileBytes { get; init; } = TileLimits.MaxFileBytes;

    /// <summary>Images whose header claims more pixels than this on a side are rejected before decoding.</summary>
    public int MaxSide { get; init; } = 10_000;
}
