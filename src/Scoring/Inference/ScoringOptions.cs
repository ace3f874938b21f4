using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference;

/// <summary>How a scorer runs: batch size, provider, threads and the decode limits applied to every tile.</summary>
public sealed record ScoringOptions
{
    /// <summary>Tiles per ONNX Runtime call.</summary>
    public int BatchSize { get; init; } = 32;

    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>
    /// Intra-op threads per session; 0 lets <see cref="Hosting.CoreBudget"/> choose (on the CPU: one-thread lanes, one per
    /// core; on CUDA: the machine's cores for the operators that stay on the CPU).
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>The CPU memory arena costs about 1 GB at batch 64; off by default.</summary>
    public bool CpuMemoryArena { get; init; }

    public ResizePolicy Resize { get; init; } = ResizePolicy.Resize;

    /// <summary>Files larger than this are rejected before decoding.</summary>
    public long MaxFileBytes { get; init; } = TileLimits.MaxFileBytes;

    /// <summary>Images whose header claims more pixels than this on a side are rejected before decoding.</summary>
    public int MaxSide { get; init; } = 10_000;
}
