using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Which tensors of a folded float graph get a QuantizeLinear → DequantizeLinear pair, chosen so ONNX Runtime fuses
/// every Conv into QLinearConv and every residual Add into QLinearAdd: each Conv's input and output, the outputs of
/// Relu, MaxPool and Add inside the quantized region. A Conv or Add read only by a Relu is quantized after the Relu
/// (uint8 with zero point 0 floors at 0, so ORT drops the Relu and the pair fuses as one). Everything else (the
/// preprocessing in front, pooling and the head behind) stays float and reads dequantized values.
/// </summary>
/// <param name="Activations">Tensors given a QuantizeLinear → DequantizeLinear pair.</param>
/// <param name="Convs">The Convs given int8 weights.</param>
/// <param name="SameAs">Activations that take another's scale and zero point: a MaxPool's output its input's, so ORT runs the
/// MaxPool on uint8 (it drops a DQ → MaxPool → Q only when both sides match, and a max of quantized values needs no new range).</param>
internal sealed record QuantizationPlan(IReadOnlyList<string> Activations, IReadOnlyList<NodeProto> Convs, IReadOnlyDictionary<string, string> SameAs)
{
    /// <summary>The tensors whose values calibration must see: every activation that does not borrow another's range.</summary>
    public IReadOnlyList<string> Calibrated => Activations.Where(a => !SameAs.ContainsKey(a)).ToArray();

    public static QuantizationPlan For(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = new GraphIndex(graph);
        var quantized = new List<string>();
        var marked = new HashSet<string>(StringComparer.Ordinal);
        var convs = new List<NodeProto>();
        var sameAs = new Dictionary<string, string>(StringComparer.Ordinal);

        void Mark(string tensor)
        {
            if (marked.Add(tensor))
            {
                quantized.Add(tensor);
            }
        }

        // A producer's output is quantized where it is read: after the Relu that alone reads it, else right there.
        void MarkOutput(NodeProto node)
        {
            var output = node.Output[0];
            if (index.SoleRelu(output) is null)
            {
                Mark(output);
            }
        }

        foreach (var node in graph.Node)
        {
            switch (node.OpType)
            {
                case "Conv" when node.Input.Count >= 2 && index.Initializers.ContainsKey(node.Input[1])
                                 && (node.Input.Count < 3 || node.Input[2].Length == 0 || index.Initializers.ContainsKey(node.Input[2])):
                    Mark(node.Input[0]);
                    MarkOutput(node);
                    convs.Add(node);
                    break;
                case "Relu" when IsQuantizedProducer(index, node.Input[0], marked):
                    Mark(node.Output[0]);
                    break;
                case "Add" when node.Input.All(marked.Contains):
                    MarkOutput(node);
                    break;
                case "MaxPool" when marked.Contains(node.Input[0]) && node.Output.Count == 1:
                    Mark(node.Output[0]);
                    sameAs[node.Output[0]] = sameAs.GetValueOrDefault(node.Input[0], node.Input[0]);
                    break;
            }
        }

        if (convs.Count == 0)
        {
            throw new NotSupportedException("The graph has no Conv with constant weights; there is nothing to quantize.");
        }

        return new QuantizationPlan(quantized, convs, sameAs);
    }

    /// <summary>A Relu continues the region when it reads a quantized tensor or a Conv/Add whose quantization moved past it.</summary>
    private static bool IsQuantizedProducer(GraphIndex index, string input, HashSet<string> marked) =>
        marked.Contains(input) || index.Producer(input)?.OpType is "Conv" or "Add" && index.SoleRelu(input) is not null && IsRegionOp(index, index.Producer(input)!, marked);

    private static bool IsRegionOp(GraphIndex index, NodeProto producer, HashSet<string> marked) =>
        producer.OpType == "Conv" ? index.Initializers.ContainsKey(producer.Input[1]) : producer.Input.All(marked.Contains);
}
