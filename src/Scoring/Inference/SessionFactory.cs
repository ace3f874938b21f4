using LandUse.Scoring.Hosting;
using LandUse.Scoring.Inference.Cuda;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Opens ONNX Runtime sessions the one way this project wants: all graph optimizations, intra-op threads from the
/// real core count, the CPU arena as <see cref="ScoringOptions.CpuMemoryArena"/> says, and CUDA when requested and proven to run there (see
/// <see cref="CudaSessions"/>), with a fallback to CPU that says why;
/// the memory the graph optimizer freed goes back to the system at once, and large tensors as they are freed (<see cref="NativeHeap"/>).
/// </summary>
internal static class SessionFactory
{
    public const string Cpu = "CPU";
    public const string Cuda = "CUDA";

    /// <summary>Opens a session from a model file or from model bytes (exactly one of them).</summary>
    public static (InferenceSession Session, string Provider) Open(string? modelPath, byte[]? modelBytes, string modelLabel, ScoringOptions options, int batchSize, ILogger logger)
    {
        var opened = OpenReporting(modelPath, modelBytes, modelLabel, options, batchSize, logger);
        return (opened.Session, opened.Provider);
    }

    /// <summary>
    /// A CPU session for a bundle's model file, through the optimized-graph cache when <see cref="ScoringOptions.GraphCacheFolder"/>
    /// is set (<paramref name="modelSha256"/>, verified when the bundle loaded, names the entry).
    /// </summary>
    public static InferenceSession OpenCpu(string modelPath, string modelSha256, string modelLabel, ScoringOptions options, int batchSize, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cachedGraph = string.IsNullOrEmpty(options.GraphCacheFolder) || options.Provider != ExecutionProvider.Cpu
            ? null
            : OptimizedGraphCache.PathFor(options.GraphCacheFolder, modelSha256);
        return OpenReporting(modelPath, null, modelLabel, options, batchSize, logger, cachedGraph).Session;
    }

    /// <summary>
    /// As <see cref="Open"/>, and when CUDA was asked for but the session runs on the CPU, why. A CPU session of a model file
    /// goes through the optimized-graph cache entry <c>cachedGraph</c> when one is given (<see cref="OptimizedGraphCache"/>).
    /// </summary>
    public static OpenedSession OpenReporting(
        string? modelPath, byte[]? modelBytes, string modelLabel, ScoringOptions options, int batchSize, ILogger logger, string? cachedGraph = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        NativeHeap.ReleaseLargeBlocksOnFree();
        var threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : MachineCores.Count;
        string? fallback = null;
        if (options.Provider == ExecutionProvider.Cuda)
        {
            var (session, reason) = CudaSessions.TryOpen(modelPath, modelBytes, () => BaseOptions(options, threads));
            if (session is not null)
            {
                NativeHeap.Trim();
                ScoringLog.ProviderActive(logger, modelLabel, Cuda, batchSize, threads, options.CpuMemoryArena);
                return new OpenedSession(session, Cuda, null);
            }

            fallback = reason;
            ScoringLog.CudaUnavailable(logger, modelLabel, reason ?? "unknown");
        }

        var cpu = OpenCpuSession(modelPath, modelBytes, cachedGraph, () => BaseOptions(options, threads));
        NativeHeap.Trim();
        ScoringLog.ProviderActive(logger, modelLabel, Cpu, batchSize, threads, options.CpuMemoryArena);
        return new OpenedSession(cpu, Cpu, fallback);
    }

    private static SessionOptions BaseOptions(ScoringOptions options, int threads)
    {
        var so = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            EnableCpuMemArena = options.CpuMemoryArena,
        };

        // Decoding of the next batch shares these cores; idle ORT workers must not spin on them.
        so.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return so;
    }

    private static InferenceSession OpenCpuSession(string? modelPath, byte[]? modelBytes, string? cachedGraph, Func<SessionOptions> options)
    {
        if (modelPath is not null && cachedGraph is not null)
        {
            return OptimizedGraphCache.Open(modelPath, cachedGraph, options);
        }

        using var cpuOptions = options();
        return Create(modelPath, modelBytes, cpuOptions);
    }

    private static InferenceSession Create(string? modelPath, byte[]? modelBytes, SessionOptions options) =>
        modelPath is not null ? new InferenceSession(modelPath, options)
        : new InferenceSession(modelBytes ?? throw new ArgumentNullException(nameof(modelBytes)), options);
}
