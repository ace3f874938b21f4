using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// A session and the provider it really runs on; when CUDA was asked for and the session runs on the CPU instead,
/// <see cref="Fallback"/> says why (the provider library did not load, no GPU, or nodes placed on the CPU).
/// </summary>
internal sealed record OpenedSession(InferenceSession Session, string Provider, string? Fallback);
