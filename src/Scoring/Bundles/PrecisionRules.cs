using Onnx;

namespace LandUse.Scoring.Bundles;

/// <summary>Checks the manifest's precision against the graph: an "int8" bundle must hold a quantized graph, an "fp32" one must not.</summary>
internal static class PrecisionRules
{
    public static void Check(string folder, ModelManifest manifest, ModelProto model)
    {
        var quantized = ModelPrecision.QuantizedNodeCount(model);
        if (manifest.Precision == ModelPrecision.Int8 && quantized == 0)
        {
            throw ModelBundleException.For(folder,
                $"the manifest says precision {ModelPrecision.Int8} but {ModelBundle.ModelFileName} is a float graph (no QuantizeLinear, DequantizeLinear or QLinear* nodes).");
        }

        if (manifest.Precision == ModelPrecision.Fp32 && quantized > 0)
        {
            throw ModelBundleException.For(folder,
                $"the manifest says precision {ModelPrecision.Fp32} but {ModelBundle.ModelFileName} is a quantized graph ({quantized} QuantizeLinear, DequantizeLinear or QLinear* nodes); an INT8 bundle's manifest must say precision {ModelPrecision.Int8}.");
        }
    }
}
