using LandUse.Scoring.Inference;

namespace LandUse.Worker.Options;

/// <summary>
/// Everything the worker reads from configuration (section <c>Worker</c>, environment <c>Worker__Prop</c>),
/// with defaults that let it start with no configuration at all.
/// </summary>
public sealed record WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>
    /// A model bundle folder the worker serves to requests that name no model (local use; loaded at start-up). The worker
    /// never trains a model; in Azure requests name registry models (<see cref="Models"/>) and the image bakes none.
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary>The model registry requests name their models in.</summary>
    public WorkerModelsOptions Models { get; init; } = new();

    /// <summary>
    /// Execution provider to ask for (also read from <c>Scoring:Provider</c> when this is not set). With CUDA the
    /// worker is ready only once its session runs on CUDA; a session that fell back to the CPU keeps <c>/readyz</c> 503.
    /// </summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>Most tiles merged into one ONNX Runtime call across concurrent requests.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>Longest a queued tile waits for its batch to fill before it is scored anyway.</summary>
    public int MaxWaitMs { get; init; } = 10;

    /// <summary>Cap on tiles in one request; more gives 413.</summary>
    public int MaxTilesPerRequest { get; init; } = 1024;

    /// <summary>Cap on the request body in bytes; more gives 413.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>On CUDA, decoded batches queued ahead of GPU inference (decode of the next batch overlaps the current one).</summary>
    public int PipelineDepth { get; init; } = 2;

    /// <summary>Intra-op threads for ONNX Runtime; 0 means one per core.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Where tiles are read from: a local root and/or one blob service.</summary>
    public WorkerTilesOptions Tiles { get; init; } = new();

    public WorkerAuthOptions Auth { get; init; } = new();
}
