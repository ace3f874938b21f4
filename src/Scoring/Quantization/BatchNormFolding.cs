using LandUse.Scoring.Bundles;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Folds each inference-mode BatchNormalization into the Conv in front of it (W' = W·γ/σ, b' = (b − μ)·γ/σ + β), so the
/// quantizer sees one Conv with a bias, which is what QLinearConv computes. The folded graph is the same function.
/// </summary>
internal static class BatchNormFolding
{
    /// <summary>Folds in place; returns how many BatchNormalization nodes went. A BN that cannot be folded is an error.</summary>
    public static int Fold(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var folded = 0;
        foreach (var bn in graph.Node.Where(n => n.OpType == "BatchNormalization").ToArray())
        {
            var index = new GraphIndex(graph);
            var conv = index.Producer(bn.Input[0]);
            if (conv is not { OpType: "Conv" } || index.Consumers(bn.Input[0]).Count != 1 || index.IsGraphOutput(bn.Input[0]) || bn.Output.Count != 1)
            {
                throw new NotSupportedException($"BatchNormalization '{bn.Name}' does not follow a Conv whose output only it reads; it cannot be folded.");
            }

            if (bn.Attribute.FirstOrDefault(a => a.Name == "spatial") is { I: 0 })
            {
                throw new NotSupportedException($"BatchNormalization '{bn.Name}' is not spatial; only per-channel BatchNormalization folds into a Conv.");
            }

            FoldOne(graph, index, conv, bn);
            folded++;
        }

        RemoveUnusedInitializers(graph);
        return folded;
    }

    private static void FoldOne(GraphProto graph, GraphIndex index, NodeProto conv, NodeProto bn)
    {
        var weight = Initializer(index, conv.Input[1], conv);
        var w = OnnxProto.ReadFloats(weight);
        var channels = (int)weight.Dims[0];
        var perChannel = w.Length / channels;
        var gamma = OnnxProto.ReadFloats(Initializer(index, bn.Input[1], bn));
        var beta = OnnxProto.ReadFloats(Initializer(index, bn.Input[2], bn));
        var mean = OnnxProto.ReadFloats(Initializer(index, bn.Input[3], bn));
        var variance = OnnxProto.ReadFloats(Initializer(index, bn.Input[4], bn));
        var bias = conv.Input.Count > 2 && conv.Input[2].Length > 0 ? OnnxProto.ReadFloats(Initializer(index, conv.Input[2], conv)) : new float[channels];
        if (new[] { gamma, beta, mean, variance, bias }.Any(v => v.Length != channels))
        {
            throw new NotSupportedException($"BatchNormalization '{bn.Name}' has parameters for other than the {channels} channels of Conv '{conv.Name}'.");
        }

        var epsilon = bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
        var foldedW = new float[w.Length];
        var foldedB = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var scale = gamma[c] / Math.Sqrt(variance[c] + (double)epsilon);
            for (var k = 0; k < perChannel; k++)
            {
                foldedW[(c * perChannel) + k] = (float)(w[(c * perChannel) + k] * scale);
            }

            foldedB[c] = (float)(((bias[c] - (double)mean[c]) * scale) + beta[c]);
        }

        var stem = string.IsNullOrEmpty(conv.Name) ? conv.Output[0] : conv.Name;
        var wName = $"{stem}_folded_weight";
        var bName = $"{stem}_folded_bias";
        graph.Initializer.Add(OnnxProto.FloatTensor(wName, foldedW, [.. weight.Dims]));
        graph.Initializer.Add(OnnxProto.FloatTensor(bName, foldedB, channels));
        conv.Input[1] = wName;
        if (conv.Input.Count > 2)
        {
            conv.Input[2] = bName;
        }
        else
        {
            conv.Input.Add(bName);
        }

        conv.Output[0] = bn.Output[0];
        graph.Node.Remove(bn);
    }

    private static TensorProto Initializer(GraphIndex index, string name, NodeProto node) =>
        index.Initializers.GetValueOrDefault(name)
        ?? throw new NotSupportedException($"Input '{name}' of {node.OpType} '{node.Name}' is not a constant initializer; it cannot be folded.");

    /// <summary>Drops initializers no node reads any more (the BatchNormalization parameters, the unfolded weights).</summary>
    internal static void RemoveUnusedInitializers(GraphProto graph)
    {
        var used = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var unused = graph.Initializer.Where(i => !used.Contains(i.Name)).ToArray();
        var names = unused.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var initializer in unused)
        {
            graph.Initializer.Remove(initializer);
        }

        // Graphs before IR 4 also list initializers as inputs: those of removed initializers go with them.
        foreach (var input in graph.Input.Where(i => names.Contains(i.Name)).ToArray())
        {
            graph.Input.Remove(input);
        }
    }
}
