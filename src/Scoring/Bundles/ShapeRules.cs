namespace LandUse.Scoring.Bundles;

/// <summary>Checks the manifest against the ONNX graph: input name and NCHW shape, output width = label count.</summary>
internal static class ShapeRules
{
    public static (string OutputName, int? FixedBatch) Check(string folder, ModelManifest m, OnnxModelShape shape, int labelCount)
    {
        var input = shape.Inputs.FirstOrDefault(i => i.Name == m.InputName)
            ?? throw ModelBundleException.For(folder, $"the model has no input '{m.InputName}' (inputs: {string.Join(", ", shape.Inputs)}).");
        if (shape.Inputs.Count != 1)
        {
            throw ModelBundleException.For(folder, $"the model must have exactly one input; it has {string.Join(", ", shape.Inputs)}.");
        }

        var d = input.Dims;
        var fits = d.Count == 4
            && d[1] is null or 3
            && (d[2] is null || d[2] == m.InputHeight)
            && (d[3] is null || d[3] == m.InputWidth);
        if (!fits)
        {
            throw ModelBundleException.For(folder, $"unsupported input shape {input}: expected NCHW [N,3,{m.InputHeight},{m.InputWidth}].");
        }

        if (shape.Outputs.Count == 0)
        {
            throw ModelBundleException.For(folder, "the model has no outputs.");
        }

        var output = shape.Outputs[0];
        if (output.Dims.Count != 2 || output.Dims[1] is null)
        {
            throw ModelBundleException.For(folder, $"unsupported output shape {output}: expected [N,{labelCount}].");
        }

        if (output.Dims[1] != labelCount)
        {
            throw ModelBundleException.For(folder, $"label count {labelCount} does not match the model output width {output.Dims[1]} ({output}).");
        }

        int? fixedBatch = d[0] is { } batch and > 0 ? (int)batch : null;
        return (output.Name, fixedBatch);
    }
}
