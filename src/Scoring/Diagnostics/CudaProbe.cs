using Google.Protobuf;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging.Abstractions;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// Whether a model really runs on CUDA here, asked before a CUDA benchmark measures anything: a benchmark that asked
/// for CUDA and timed the CPU would print CPU figures under a CUDA heading.
/// </summary>
public static class CudaProbe
{
    /// <summary>Null when <paramref name="bundle"/>'s graph (or the ResNet18 feature graph) runs on CUDA; otherwise why not.</summary>
    public static string? Unavailable(ModelBundle? bundle)
    {
        if (bundle is not null)
        {
            ProviderPrecision.Check(bundle, ExecutionProvider.Cuda);
        }

        var options = new ScoringOptions { Provider = ExecutionProvider.Cuda, BatchSize = 1 };
        var opened = bundle is null
            ? SessionFactory.OpenReporting(null, BackboneGraph.BuildFeatureModel().ToByteArray(), "CUDA probe", options, 1, NullLogger.Instance)
            : SessionFactory.OpenReporting(bundle.ModelPath, null, $"CUDA probe {bundle.Version}", options, 1, NullLogger.Instance);
        using (opened.Session)
        {
            return opened.Provider == SessionFactory.Cuda ? null : opened.Fallback ?? $"the session runs on {opened.Provider}";
        }
    }
}
