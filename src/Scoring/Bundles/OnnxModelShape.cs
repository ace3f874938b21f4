using Onnx;

namespace LandUse.Scoring.Bundles;

/// <summary>The graph inputs and outputs of an ONNX file, read from its protobuf without creating a session.</summary>
internal sealed record OnnxModelShape(IReadOnlyList<OnnxTensorShape> Inputs, IReadOnlyList<OnnxTensorShape> Outputs)
{
    public static OnnxModelShape From(ModelProto model)
    {
        var graph = model.Graph ?? new GraphProto();
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).Select(OnnxTensorShape.From).ToArray();
        var outputs = graph.Output.Select(OnnxTensorShape.From).ToArray();
        return new OnnxModelShape(inputs, outputs);
    }
}

/// <summary>One graph value: its name and its dimensions (null where a dimension is symbolic).</summary>
internal sealed record OnnxTensorShape(string Name, IReadOnlyList<long?> Dims)
{
    public static OnnxTensorShape From(ValueInfoProto value)
    {
        var dims = value.Type?.TensorType?.Shape?.Dim
            .Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue : (long?)null)
            .ToArray() ?? [];
        return new OnnxTensorShape(value.Name, dims);
    }

    public override string ToString() => $"{Name} [{string.Join(",", Dims.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))}]";
}
