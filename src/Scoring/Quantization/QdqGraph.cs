using LandUse.Scoring.Bundles;
using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Turns a folded opset-13 float graph into its statically quantized QDQ form: a QuantizeLinear → DequantizeLinear
/// pair (uint8, calibrated scale and zero point) on each planned activation, and each Conv reading dequantized int8
/// per-channel weights and an int32 bias at scale s_x · s_w. Every float node keeps its meaning; ONNX Runtime fuses
/// the pairs into integer kernels when it loads the graph.
/// </summary>
internal static class QdqGraph
{
    /// <summary>Weight bits for a Conv whose uint8 input has a zero point other than 0 (see <see cref="WeightQuant"/>).</summary>
    public const int OffsetInputWeightBits = 7;

    public static QdqResult Build(ModelProto floatModel, QuantizationPlan plan, IReadOnlyDictionary<string, ActivationQuant> activations)
    {
        ArgumentNullException.ThrowIfNull(floatModel);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(activations);
        var model = floatModel.Clone();
        var graph = model.Graph;
        var index = new GraphIndex(graph);
        var weightDequantizers = new List<NodeProto>();
        var bits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var convName in plan.Convs.Select(c => c.Name))
        {
            var conv = graph.Node.Single(n => n.OpType == "Conv" && n.Name == convName);
            var input = activations[conv.Input[0]];
            var weightBits = input.ZeroPoint == 0 ? 8 : OffsetInputWeightBits;
            weightDequantizers.AddRange(QuantizeConvConstants(graph, index, conv, input.Scale, weightBits));
            bits[convName] = weightBits;
        }

        var rewired = new List<NodeProto>(graph.Node.Count + (2 * activations.Count) + weightDequantizers.Count);
        rewired.AddRange(weightDequantizers);
        foreach (var tensor in plan.Activations.Where(t => index.Producer(t) is null))
        {
            rewired.AddRange(Pair(graph, tensor, activations[tensor]));
        }

        foreach (var node in graph.Node)
        {
            rewired.Add(node);
            foreach (var output in node.Output.Where(plan.Activations.Contains))
            {
                rewired.AddRange(Pair(graph, output, activations[output]));
            }
        }

        var dequantized = plan.Activations.ToDictionary(t => t, Dequantized, StringComparer.Ordinal);
        foreach (var node in rewired.Where(n => n.OpType != "QuantizeLinear"))
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (dequantized.TryGetValue(node.Input[i], out var replacement) && !(node.OpType == "DequantizeLinear" && i > 0))
                {
                    node.Input[i] = replacement;
                }
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(rewired);
        BatchNormFolding.RemoveUnusedInitializers(graph);
        PruneValueInfo(graph);
        return new QdqResult(model, bits);
    }

    private static string Dequantized(string tensor) => $"{tensor}_dequantized";

    /// <summary>Q then DQ on <paramref name="tensor"/>; consumers are pointed at the DQ output afterwards.</summary>
    private static NodeProto[] Pair(GraphProto graph, string tensor, ActivationQuant quant)
    {
        var scale = $"{tensor}_scale";
        var zeroPoint = $"{tensor}_zero_point";
        var quantized = $"{tensor}_quantized";
        graph.Initializer.Add(OnnxProto.FloatTensor(scale, [quant.Scale]));
        graph.Initializer.Add(OnnxProto.UInt8Tensor(zeroPoint, [quant.ZeroPoint]));
        return
        [
            OnnxProto.Node("QuantizeLinear", $"{tensor}_QuantizeLinear", [tensor, scale, zeroPoint], [quantized]),
            OnnxProto.Node("DequantizeLinear", $"{tensor}_DequantizeLinear", [quantized, scale, zeroPoint], [Dequantized(tensor)]),
        ];
    }

    private static IEnumerable<NodeProto> QuantizeConvConstants(GraphProto graph, GraphIndex index, NodeProto conv, float inputScale, int bits)
    {
        var weight = index.Initializers[conv.Input[1]];
        var channels = (int)weight.Dims[0];
        var bias = conv.Input.Count > 2 && conv.Input[2].Length > 0 ? OnnxProto.ReadFloats(index.Initializers[conv.Input[2]]) : new float[channels];
        var q = WeightQuant.Quantize(OnnxProto.ReadFloats(weight), bias, channels, inputScale, bits);
        var stem = conv.Name;
        var zeros8 = new sbyte[channels];
        var zeros32 = new int[channels];
        graph.Initializer.Add(OnnxProto.Int8Tensor($"{stem}_weight_quantized", q.Weights, [.. weight.Dims]));
        graph.Initializer.Add(OnnxProto.FloatTensor($"{stem}_weight_scale", q.Scales, channels));
        graph.Initializer.Add(OnnxProto.Int8Tensor($"{stem}_weight_zero_point", zeros8, channels));
        graph.Initializer.Add(OnnxProto.Int32Tensor($"{stem}_bias_quantized", q.Bias, channels));
        graph.Initializer.Add(OnnxProto.FloatTensor($"{stem}_bias_scale", q.BiasScales, channels));
        graph.Initializer.Add(OnnxProto.Int32Tensor($"{stem}_bias_zero_point", zeros32, channels));
        var axis = OnnxProto.Int("axis", 0);
        var weightDq = OnnxProto.Node("DequantizeLinear", $"{stem}_weight_DequantizeLinear",
            [$"{stem}_weight_quantized", $"{stem}_weight_scale", $"{stem}_weight_zero_point"], [$"{stem}_weight_dequantized"], axis);
        var biasDq = OnnxProto.Node("DequantizeLinear", $"{stem}_bias_DequantizeLinear",
            [$"{stem}_bias_quantized", $"{stem}_bias_scale", $"{stem}_bias_zero_point"], [$"{stem}_bias_dequantized"], axis.Clone());
        conv.Input[1] = $"{stem}_weight_dequantized";
        if (conv.Input.Count > 2)
        {
            conv.Input[2] = $"{stem}_bias_dequantized";
        }
        else
        {
            conv.Input.Add($"{stem}_bias_dequantized");
        }

        return [weightDq, biasDq];
    }

    /// <summary>Drops shape annotations of tensors that no longer exist (outputs of folded nodes).</summary>
    private static void PruneValueInfo(GraphProto graph)
    {
        var live = graph.Node.SelectMany(n => n.Output).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in graph.ValueInfo.Where(v => !live.Contains(v.Name)).ToArray())
        {
            graph.ValueInfo.Remove(stale);
        }
    }
}

/// <summary>The quantized model and the weight bits chosen per Conv.</summary>
internal sealed record QdqResult(ModelProto Model, IReadOnlyDictionary<string, int> WeightBits);
