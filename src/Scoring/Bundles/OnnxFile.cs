using Google.Protobuf;
using Onnx;

namespace LandUse.Scoring.Bundles;

/// <summary>
/// Reads an ONNX protobuf for reading only. OnnxSharp's ParseFromFile opens files read-write and unshared, which fails
/// whenever another process (a test, a worker) has the same model open.
/// </summary>
public static class OnnxFile
{
    // Field numbers from onnx.proto: ModelProto.graph, and GraphProto's node, input and output.
    private const int ModelGraphField = 7;
    private const int GraphNodeField = 1;
    private const int GraphInputField = 11;
    private const int GraphOutputField = 12;

    public static ModelProto Read(string path)
    {
        using var stream = Open(path);
        return ModelProto.Parser.ParseFrom(stream);
    }

    /// <summary>
    /// The model's graph without its weights: nodes, inputs and outputs only, read in one pass that skips every other
    /// field. Checking a bundle needs no more, and a whole parse would hold a copy of every weight (61 MB for the FP32
    /// ResNet18) on the large-object heap until the next full collection.
    /// </summary>
    /// <exception cref="InvalidProtocolBufferException">The file is not a readable protobuf.</exception>
    /// <exception cref="InvalidDataException">A field of the graph runs past the graph's end.</exception>
    public static ModelProto ReadOutline(string path)
    {
        using var stream = Open(path);
        using var input = new CodedInputStream(stream, leaveOpen: true);
        var model = new ModelProto();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == ModelGraphField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                model.Graph = ReadGraphOutline(input);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return model;
    }

    private static GraphProto ReadGraphOutline(CodedInputStream input)
    {
        var length = input.ReadLength();
        var end = input.Position + length;
        var graph = new GraphProto();
        while (input.Position < end)
        {
            var tag = input.ReadTag();
            var lengthDelimited = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case GraphNodeField when lengthDelimited:
                    var node = new NodeProto();
                    input.ReadMessage(node);
                    graph.Node.Add(node);
                    break;
                case GraphInputField when lengthDelimited:
                    var value = new ValueInfoProto();
                    input.ReadMessage(value);
                    graph.Input.Add(value);
                    break;
                case GraphOutputField when lengthDelimited:
                    var output = new ValueInfoProto();
                    input.ReadMessage(output);
                    graph.Output.Add(output);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (input.Position != end)
        {
            throw new InvalidDataException($"The graph's fields overrun its length ({input.Position} past {end}).");
        }

        return graph;
    }

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
}
