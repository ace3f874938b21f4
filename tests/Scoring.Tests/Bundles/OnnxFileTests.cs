using Google.Protobuf;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;
using Onnx;

namespace LandUse.Scoring.Tests.Bundles;

public sealed class OnnxFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_outline_has_every_node_input_and_output_of_the_whole_model_and_none_of_its_weights(bool quantizedInput)
    {
        var path = _temp.Combine("model.onnx");
        File.WriteAllBytes(path, TinyModel.Build(quantizedInput: quantizedInput));
        var whole = OnnxFile.Read(path);
        Assert.NotEmpty(whole.Graph.Initializer);

        var outline = OnnxFile.ReadOutline(path);

        Assert.Equal(whole.Graph.Node, outline.Graph.Node);
        Assert.Equal(whole.Graph.Input, outline.Graph.Input);
        Assert.Equal(whole.Graph.Output, outline.Graph.Output);
        Assert.Empty(outline.Graph.Initializer);
        Assert.Equal(Shapes(whole), Shapes(outline));
        Assert.Equal(ModelPrecision.QuantizedNodeCount(whole), ModelPrecision.QuantizedNodeCount(outline));
    }

    private static string Shapes(ModelProto model)
    {
        var shape = OnnxModelShape.From(model);
        return string.Join("; ", shape.Inputs.Concat(shape.Outputs));
    }

    [Fact]
    public void A_model_cut_short_inside_its_graph_is_not_readable()
    {
        var bytes = TinyModel.Build();
        var path = _temp.Combine("cut.onnx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Record.Exception(() => OnnxFile.ReadOutline(path));
        Assert.True(ex is InvalidProtocolBufferException or InvalidDataException, $"expected a read error, got {ex?.GetType().Name ?? "none"}");
    }
}
