using Microsoft.Extensions.Logging;

namespace LandUse.Scoring.Inference;

/// <summary>Structured log messages of the scoring engine (source-generated, no allocations when disabled).</summary>
internal static partial class ScoringLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "ONNX Runtime session for {Model} uses the {Provider} execution provider (batch {BatchSize}, {IntraOpThreads} intra-op threads, CPU arena {CpuArena})")]
    public static partial void ProviderActive(ILogger logger, string model, string provider, int batchSize, int intraOpThreads, bool cpuArena);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "CUDA execution provider requested for {Model} but unavailable; falling back to CPU: {Reason}")]
    public static partial void CudaUnavailable(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug,
        Message = "Scored a batch of {Count} tiles ({Failed} failed to decode) in {ElapsedMs} ms")]
    public static partial void BatchScored(ILogger logger, int count, int failed, long elapsedMs);
}
