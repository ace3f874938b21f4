namespace LandUse.Scoring.Inference;

/// <summary>Which ONNX Runtime execution provider a scorer asks for; CUDA falls back to CPU when absent.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
}
