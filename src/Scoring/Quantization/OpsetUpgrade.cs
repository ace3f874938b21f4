using LandUse.Scoring.Bundles;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Raises a float graph to opset 13, the first where QuantizeLinear/DequantizeLinear take a per-channel axis, without
/// changing what any node computes: only operators whose meaning is known to carry over are accepted, and the one
/// whose signature changed (Split: the sizes became an input) is rewritten.
/// </summary>
internal static class OpsetUpgrade
{
    public const int Target = 13;

    /// <summary>Operators that compute the same between opset 7 and 13 for the attributes graphs carry here.</summary>
    private static readonly HashSet<string> Unchanged = new(StringComparer.Ordinal)
    {
        "Add", "Sub", "Mul", "Div", "Concat", "Conv", "Relu", "MaxPool", "AveragePool", "GlobalAveragePool", "Flatten",
        "Gemm", "MatMul", "Identity", "Reshape", "Transpose",
    };

    public static void Raise(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var opset = model.OpsetImport.SingleOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")
            ?? throw new NotSupportedException("The model imports no default ONNX opset.");
        if (model.OpsetImport.Count != 1)
        {
            throw new NotSupportedException($"The model imports operator sets beyond the default one ({string.Join(", ", model.OpsetImport.Select(o => o.Domain))}).");
        }

        if (opset.Version < 7)
        {
            throw new NotSupportedException($"Opset {opset.Version} is older than 7 (broadcasting semantics differ); re-export the model.");
        }

        if (opset.Version < Target)
        {
            var graph = model.Graph;
            var index = new GraphIndex(graph);
            foreach (var node in graph.Node.ToArray())
            {
                Upgrade(graph, index, node, opset.Version);
            }

            opset.Version = Target;
        }

        // Opset 13 needs IR 7.
        model.IrVersion = Math.Max(model.IrVersion, 7);
    }

    private static void Upgrade(GraphProto graph, GraphIndex index, NodeProto node, long from)
    {
        switch (node.OpType)
        {
            case "Split":
                SplitSizesToInput(graph, node);
                break;
            case "Softmax" or "LogSoftmax" when IsTwoDimensional(index, node.Input[0]) && Axis(node) is 1 or -1:
                // Coerced to 2-D before opset 13; on a 2-D input along axis 1 both definitions agree.
                break;
            case "Softmax" or "LogSoftmax":
                throw new NotSupportedException($"{node.OpType} '{node.Name}' is not along axis 1 of a 2-D tensor; its meaning changes at opset 13.");
            case "BatchNormalization":
                throw new NotSupportedException($"BatchNormalization '{node.Name}' was not folded; fold it before raising the opset.");
            default:
                if (!Unchanged.Contains(node.OpType))
                {
                    throw new NotSupportedException($"Operator {node.OpType} ('{node.Name}') is not known to keep its meaning from opset {from} to {Target}.");
                }

                break;
        }
    }

    private static void SplitSizesToInput(GraphProto graph, NodeProto node)
    {
        var sizes = node.Attribute.FirstOrDefault(a => a.Name == "split");
        if (sizes is null)
        {
            return;
        }

        var name = $"{(node.Name.Length > 0 ? node.Name : node.Output[0])}_split_sizes";
        graph.Initializer.Add(OnnxProto.Int64Tensor(name, sizes.Ints.ToArray(), sizes.Ints.Count));
        node.Attribute.Remove(sizes);
        node.Input.Add(name);
    }

    private static long Axis(NodeProto node) => node.Attribute.FirstOrDefault(a => a.Name == "axis")?.I ?? 1;

    /// <summary>Gemm and MatMul of 2-D operands give 2-D outputs: the head's logits.</summary>
    private static bool IsTwoDimensional(GraphIndex index, string tensor) => index.Producer(tensor)?.OpType == "Gemm";
}
