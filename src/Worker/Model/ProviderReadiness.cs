using LandUse.Scoring.Inference;

namespace LandUse.Worker.Model;

/// <summary>
/// A worker asked to score on CUDA is not ready while its session runs on the CPU: it would answer, slowly, on a GPU
/// replica that is paid for and idle. This says why, from the scorer's own account of its fallback.
/// </summary>
internal static class ProviderReadiness
{
    public static string? Problem(ExecutionProvider requested, ITileScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        if (requested != ExecutionProvider.Cuda || string.Equals(scorer.ActiveProvider, "CUDA", StringComparison.Ordinal))
        {
            return null;
        }

        return $"CUDA was asked for (Worker__Provider or Scoring__Provider is Cuda) but model {scorer.ModelVersion} runs on {scorer.ActiveProvider}, so this worker stays not ready: "
            + (scorer.ProviderFallback ?? "the scorer gave no reason");
    }
}
