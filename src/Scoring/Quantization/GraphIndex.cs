using Onnx;

namespace LandUse.Scoring.Quantization;

/// <summary>Who produces and who consumes each tensor of a graph, and its initializers by name: the lookups every graph pass needs.</summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, NodeProto> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NodeProto>> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs;

    public GraphIndex(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                _producers[output] = node;
            }

            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!_consumers.TryGetValue(input, out var list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        _graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, TensorProto> Initializers { get; }

    public NodeProto? Producer(string tensor) => _producers.GetValueOrDefault(tensor);

    public IReadOnlyList<NodeProto> Consumers(string tensor) => _consumers.TryGetValue(tensor, out var list) ? list : [];

    public bool IsGraphOutput(string tensor) => _graphOutputs.Contains(tensor);

    /// <summary>The Relu that alone reads <paramref name="tensor"/> (and the tensor is no graph output), if there is one.</summary>
    public NodeProto? SoleRelu(string tensor)
    {
        var consumers = Consumers(tensor);
        return consumers.Count == 1 && consumers[0].OpType == "Relu" && !IsGraphOutput(tensor) ? consumers[0] : null;
    }
}
