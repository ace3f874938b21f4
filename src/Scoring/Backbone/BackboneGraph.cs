using LandUse.Scoring.Bundles;
using Onnx;
using static LandUse.Scoring.Bundles.OnnxProto;

namespace LandUse.Scoring.Backbone;

/// <summary>
/// Builds the project's ONNX graphs from the packaged ResNet18: preprocessing (RGB to BGR, minus the mean image) in
/// front of the backbone, flattened to 512 features, with a symbolic batch dimension; optionally a Gemm + Softmax
/// head on top. Everything stays at opset 8, the backbone's own.
/// </summary>
public static class BackboneGraph
{
    /// <summary>Input of every graph built here: planar RGB floats 0-255, [N,3,224,224].</summary>
    public const string InputName = "image";

    /// <summary>The 512-d feature output of the feature graph, [N,512].</summary>
    public const string FeatureName = "features";

    /// <summary>The class-probability output of a fused classifier, [N,K].</summary>
    public const string ProbabilityName = "probabilities";

    public const int FeatureCount = 512;
    public const int InputSide = 224;
    public const int Opset = 8;

    private const string BatchDim = "N";

    /// <summary>Preprocess + backbone + Flatten: planar RGB 0-255 in, 512 features out.</summary>
    public static ModelProto BuildFeatureModel(BackboneFiles? files = null)
    {
        files ??= BackboneFiles.Locate();
        var prep = OnnxFile.Read(files.PreprocessPath).Graph;
        var net = OnnxFile.Read(files.BackbonePath).Graph;
        var prepInput = SingleInput(prep);
        var prepOutput = prep.Output.Single();
        var netInput = SingleInput(net);
        var netOutput = net.Output.Single();
        CheckNoClash(prep, net, netInput.Name);

        var graph = new GraphProto { Name = "landuse_resnet18_features" };
        var input = prepInput.Clone();
        input.Name = InputName;
        graph.Input.Add(input);

        graph.Node.AddRange(prep.Node.Select(n => Rewire(n, prepInput.Name, InputName)));
        graph.Node.AddRange(net.Node.Select(n => Rewire(n, netInput.Name, prepOutput.Name)));
        graph.Node.Add(Node("Flatten", "flatten_features", [netOutput.Name], [FeatureName], Int("axis", 1)));
        graph.Initializer.AddRange(prep.Initializer.Select(i => i.Clone()));
        graph.Initializer.AddRange(net.Initializer.Select(i => i.Clone()));
        graph.ValueInfo.AddRange(prep.ValueInfo.Select(v => v.Clone()));
        graph.ValueInfo.Add(prepOutput.Clone());
        graph.ValueInfo.AddRange(net.ValueInfo.Select(v => v.Clone()));
        graph.ValueInfo.Add(netOutput.Clone());
        graph.Output.Add(FloatValue(FeatureName, 1, FeatureCount));
        MakeBatchSymbolic(graph);

        return new ModelProto
        {
            // IR 4: initializers are constants, not graph inputs that could be overridden (lets ORT fold them).
            IrVersion = 4,
            ProducerName = "LandUse",
            ProducerVersion = "1",
            Domain = "landuse",
            OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = Opset } },
            Graph = graph,
        };
    }

    /// <summary>
    /// Adds logits = features x Wᵀ + b (Gemm) and Softmax to a feature model; <paramref name="weights"/> is
    /// row-major [classes x 512] on raw features.
    /// </summary>
    public static ModelProto AppendSoftmaxHead(ModelProto featureModel, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias)
    {
        ArgumentNullException.ThrowIfNull(featureModel);
        var classes = bias.Length;
        if (classes == 0 || weights.Length != classes * FeatureCount)
        {
            throw new ArgumentException($"Head weights must be {classes} x {FeatureCount}; got {weights.Length} values.", nameof(weights));
        }

        var model = featureModel.Clone();
        var graph = model.Graph;
        var features = graph.Output.Single(o => o.Name == FeatureName);
        graph.Output.Clear();
        graph.ValueInfo.Add(features);
        graph.Initializer.Add(FloatTensor("head_weight", weights, classes, FeatureCount));
        graph.Initializer.Add(FloatTensor("head_bias", bias, classes));
        graph.Node.Add(Node("Gemm", "head_gemm", [FeatureName, "head_weight", "head_bias"], ["logits"], Int("transB", 1)));
        graph.Node.Add(Node("Softmax", "head_softmax", ["logits"], [ProbabilityName], Int("axis", 1)));
        graph.ValueInfo.Add(FloatValue("logits", 1, classes));
        graph.Output.Add(FloatValue(ProbabilityName, 1, classes));
        graph.Name = "landuse_resnet18_classifier";
        MakeBatchSymbolic(graph);
        return model;
    }

    private static ValueInfoProto SingleInput(GraphProto graph)
    {
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return graph.Input.Single(i => !initializers.Contains(i.Name));
    }

    private static void CheckNoClash(GraphProto prep, GraphProto net, string netInput)
    {
        static IEnumerable<string> Names(GraphProto g) =>
            g.Node.SelectMany(n => n.Output).Concat(g.Initializer.Select(i => i.Name)).Concat(g.Input.Select(i => i.Name));
        var clash = Names(prep).Intersect(Names(net).Where(n => n != netInput)).ToArray();
        if (clash.Length > 0)
        {
            throw new InvalidDataException($"Preprocessing and backbone graphs share value names: {string.Join(", ", clash)}.");
        }
    }

    private static NodeProto Rewire(NodeProto node, string from, string to)
    {
        var copy = node.Clone();
        for (var i = 0; i < copy.Input.Count; i++)
        {
            if (copy.Input[i] == from)
            {
                copy.Input[i] = to;
            }
        }

        return copy;
    }

    /// <summary>The batch was pinned to 1 only by these declared shapes; the nodes themselves work for any batch.</summary>
    private static void MakeBatchSymbolic(GraphProto graph)
    {
        foreach (var value in graph.Input.Concat(graph.Output).Concat(graph.ValueInfo))
        {
            var dims = value.Type?.TensorType?.Shape?.Dim;
            if (dims is { Count: > 0 })
            {
                dims[0] = new TensorShapeProto.Types.Dimension { DimParam = BatchDim };
            }
        }
    }
}
