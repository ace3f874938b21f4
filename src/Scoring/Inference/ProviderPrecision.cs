using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Inference;

/// <summary>
/// Which bundles an execution provider may run. An INT8 bundle is built for the CPU's integer kernels: ONNX Runtime
/// fuses its QDQ pairs into QLinearConv on the CPU provider only, and on CUDA would run float convolutions between extra
/// quantize/dequantize steps (slower than the FP32 parent, with INT8's error). So CUDA refuses it, naming the FP32 parent.
/// </summary>
public static class ProviderPrecision
{
    public static void Check(ModelBundle bundle, ExecutionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (provider == ExecutionProvider.Cuda && bundle.Precision == ModelPrecision.Int8)
        {
            var parent = bundle.Manifest.Parent is { } p ? $"its FP32 parent {p}" : "its FP32 parent";
            throw ModelBundleException.For(bundle.Folder,
                $"it is an INT8 bundle, made for the CPU provider (ONNX Runtime fuses it into integer kernels only there); on CUDA score {parent}, or score this bundle with the CPU provider.");
        }
    }
}
