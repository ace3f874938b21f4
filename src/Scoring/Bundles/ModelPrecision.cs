using Onnx;

namespace LandUse.Scoring.Bundles;

/// <summary>
/// The arithmetic a bundle's graph runs in: "fp32" (float throughout) or "int8" (a statically quantized QDQ graph).
/// The manifest states it and the graph must agree, so a scorer never runs a model that is not what it claims.
/// </summary>
public static class ModelPrecision
{
    public const string Fp32 = "fp32";
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "int8 is the precision's name.")]
    public const string Int8 = "int8";

    /// <summary>Operators that only a quantized graph holds.</summary>
    private static readonly HashSet<string> QuantizedOps = new(StringComparer.Ordinal)
    {
        "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "ConvInteger", "MatMulInteger",
        "QLinearConv", "QLinearMatMul", "QLinearAdd", "QLinearMul", "QLinearAveragePool", "QLinearGlobalAveragePool",
        "QLinearConcat", "QLinearSigmoid", "QLinearLeakyRelu", "QLinearSoftmax", "QGemm",
    };

    public static bool IsKnown(string? precision) => precision is Fp32 or Int8;

    /// <summary>"int8" when the graph holds any quantize, dequantize or integer operator, else "fp32".</summary>
    public static string OfGraph(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return QuantizedNodeCount(model) > 0 ? Int8 : Fp32;
    }

    /// <summary>How many nodes of the graph are quantize, dequantize or integer operators.</summary>
    public static int QuantizedNodeCount(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Graph?.Node.Count(n => QuantizedOps.Contains(n.OpType)) ?? 0;
    }
}
