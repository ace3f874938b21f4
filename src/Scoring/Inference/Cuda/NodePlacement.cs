using System.Text.Json;

namespace LandUse.Scoring.Inference.Cuda;

/// <summary>
/// Which execution provider ran each node of one profiled ONNX Runtime run, read from the run's profile file: the only
/// record ONNX Runtime keeps of where a session actually placed its nodes (a CUDA session silently runs on the CPU
/// whatever the CUDA provider declines).
/// </summary>
internal sealed record NodePlacement(IReadOnlyList<(string Op, string Provider)> Nodes)
{
    public const string CudaProvider = "CUDAExecutionProvider";
    public const string CpuProvider = "CPUExecutionProvider";

    /// <summary>The operators that carry a vision model's arithmetic; the scoring path pays for a GPU to run these.</summary>
    private static readonly HashSet<string> HeavyOps = new(StringComparer.Ordinal)
    {
        "Conv", "FusedConv", "ConvTranspose", "ConvInteger", "QLinearConv", "NhwcConv",
        "Gemm", "FusedGemm", "MatMul", "FusedMatMul", "MatMulInteger", "QLinearMatMul",
    };

    /// <summary>Reads the node events (<c>"cat": "Node"</c>) of a profile file ONNX Runtime wrote with EndProfiling.</summary>
    public static NodePlacement Read(string profilePath)
    {
        using var stream = File.OpenRead(profilePath);
        using var profile = JsonDocument.Parse(stream);
        var nodes = new List<(string, string)>();
        foreach (var item in profile.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("cat", out var cat) && cat.ValueEquals("Node")
                && item.TryGetProperty("args", out var args)
                && args.TryGetProperty("op_name", out var op)
                && args.TryGetProperty("provider", out var provider))
            {
                nodes.Add((op.GetString() ?? string.Empty, provider.GetString() ?? string.Empty));
            }
        }

        return new NodePlacement(nodes);
    }

    /// <summary>
    /// Why this run did not run on <paramref name="provider"/>: no node ran there at all, or some compute-heavy nodes ran
    /// elsewhere (named with their counts); null when every such node ran there.
    /// </summary>
    public string? Shortfall(string provider)
    {
        if (Nodes.Count == 0)
        {
            return "the profiled run recorded no nodes, so where they ran is unknown";
        }

        var elsewhere = Nodes.Where(n => HeavyOps.Contains(n.Op) && n.Provider != provider)
            .GroupBy(n => (n.Op, n.Provider))
            .Select(g => $"{g.Count()} {g.Key.Op} on {g.Key.Provider}")
            .ToList();
        if (!Nodes.Any(n => n.Provider == provider))
        {
            return $"no node ran on {provider}; all {Nodes.Count} ran on {string.Join(", ", Nodes.Select(n => n.Provider).Distinct())}";
        }

        return elsewhere.Count == 0 ? null : $"compute-heavy nodes ran off {provider}: {string.Join(", ", elsewhere)}";
    }
}
