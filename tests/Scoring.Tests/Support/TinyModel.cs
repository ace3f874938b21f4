using Google.Protobuf;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Labels;
using Onnx;

namespace LandUse.Scoring.Tests.Support;

/// <summary>
/// A real but tiny ONNX classifier for fast tests: mean colour per channel (GlobalAveragePool) → Gemm → [Softmax].
/// Output k is channel k's mean for k &lt; 3 and 0 otherwise, so a pure red tile scores highest on output 0.
/// </summary>
internal static class TinyModel
{
    public const int Side = 8;

    /// <param name="outputs">Classes the Gemm outputs.</param>
    /// <param name="softmax">Whether a Softmax follows the Gemm (probabilities rather than logits).</param>
    /// <param name="side">Input width and height in pixels.</param>
    /// <param name="batch">A fixed batch dimension, or null for a dynamic one.</param>
    /// <param name="inputRank">Rank of the input tensor (4 for NCHW).</param>
    /// <param name="quantizedInput">Puts a QuantizeLinear → DequantizeLinear pair (uint8) on the input at opset 13: a QDQ graph, as INT8 bundles hold.</param>
    public static byte[] Build(int outputs = 6, bool softmax = true, int side = Side, long? batch = null, int inputRank = 4, bool quantizedInput = false)
    {
        var graph = new GraphProto { Name = "tiny" };
        long[] inputDims = inputRank == 4 ? [batch ?? -1, 3, side, side] : [batch ?? -1, 3, side];
        graph.Input.Add(Value("image", inputDims));
        var weights = new float[outputs * 3];
        for (var k = 0; k < Math.Min(3, outputs); k++)
        {
            weights[(k * 3) + k] = 1f;
        }

        graph.Initializer.Add(Tensor("w", weights, outputs, 3));
        graph.Initializer.Add(Tensor("b", new float[outputs], outputs));
        var pooledInput = "image";
        if (quantizedInput)
        {
            graph.Initializer.Add(new TensorProto { Name = "s", DataType = 1, FloatData = { 1f / 255f } });
            graph.Initializer.Add(new TensorProto { Name = "zp", DataType = 2, RawData = ByteString.CopyFrom(new byte[] { 0 }) });
            graph.Node.Add(Node("QuantizeLinear", ["image", "s", "zp"], ["image_q"]));
            graph.Node.Add(Node("DequantizeLinear", ["image_q", "s", "zp"], ["image_dq"]));
            pooledInput = "image_dq";
        }

        graph.Node.Add(Node("GlobalAveragePool", [pooledInput], ["pooled"]));
        graph.Node.Add(Node("Flatten", ["pooled"], ["flat"], ("axis", 1)));
        graph.Node.Add(Node("Gemm", ["flat", "w", "b"], [softmax ? "logits" : "scores"], ("transB", 1)));
        if (softmax)
        {
            graph.Node.Add(Node("Softmax", ["logits"], ["scores"], ("axis", 1)));
        }

        graph.Output.Add(Value("scores", [batch ?? -1, outputs]));
        var model = new ModelProto { IrVersion = quantizedInput ? 7 : 4, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = quantizedInput ? 13 : 8 } } };
        return model.ToByteArray();
    }

    public static ModelManifest Manifest(string outputKind = OutputKinds.Probabilities, IReadOnlyList<string>? labels = null) => new()
    {
        Name = "tiny",
        Version = "tiny-1",
        Sha256 = new string('0', 64),
        Labels = labels ?? [.. LabelScheme.ClassNames],
        InputName = "image",
        InputWidth = Side,
        InputHeight = Side,
        OutputKind = outputKind,
        PixelScale = 1f / 255f,
    };

    public static ModelBundle WriteBundle(string directory, ModelManifest? manifest = null, bool softmax = true) =>
        ModelBundleWriter.Write(directory, Build(softmax: softmax), manifest ?? Manifest(softmax ? OutputKinds.Probabilities : OutputKinds.Logits));

    private static ValueInfoProto Value(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "N" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    private static TensorProto Tensor(string name, float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, params (string Name, long Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });
        }

        return node;
    }
}
