using Google.Protobuf;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Quantization;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>The float graph passes before quantization: BatchNormalization folding and the opset raise keep what the graph computes.</summary>
public sealed class GraphPassTests
{
    [Fact]
    public void Folding_batch_normalization_into_the_conv_keeps_the_output_within_1e_5()
    {
        var model = ConvBnRelu(opset: 8);
        var before = Run(model, Input(1));

        var folded = model.Clone();
        var count = BatchNormFolding.Fold(folded.Graph);

        Assert.Equal(1, count);
        Assert.DoesNotContain(folded.Graph.Node, n => n.OpType == "BatchNormalization");
        var conv = Assert.Single(folded.Graph.Node, n => n.OpType == "Conv");
        Assert.Equal(3, conv.Input.Count);
        Assert.Equal("bn_out", conv.Output[0]);
        Assert.DoesNotContain(folded.Graph.Initializer, i => i.Name is "gamma" or "beta" or "mean" or "var" or "w");
        var after = Run(folded, Input(1));
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.True(Math.Abs(before[i] - after[i]) <= 1e-5f * (1 + Math.Abs(before[i])), $"value {i}: {before[i]} before, {after[i]} folded");
        }
    }

    [Fact]
    public void A_batch_normalization_that_does_not_follow_a_conv_is_not_folded()
    {
        var model = ConvBnRelu(opset: 8);
        var bn = model.Graph.Node.Single(n => n.OpType == "BatchNormalization");
        bn.Input[0] = "x";

        var ex = Assert.Throws<NotSupportedException>(() => BatchNormFolding.Fold(model.Graph));
        Assert.Contains("does not follow a Conv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raising_the_opset_moves_split_sizes_into_an_input_and_keeps_the_output()
    {
        var model = SplitConcat();
        var before = Run(model, Input(2));

        var raised = model.Clone();
        OpsetUpgrade.Raise(raised);

        Assert.Equal(13, raised.OpsetImport.Single().Version);
        Assert.True(raised.IrVersion >= 7);
        var split = raised.Graph.Node.Single(n => n.OpType == "Split");
        Assert.DoesNotContain(split.Attribute, a => a.Name == "split");
        Assert.Equal(2, split.Input.Count);
        Assert.Equal(before, Run(raised, Input(2)));
    }

    [Fact]
    public void Raising_the_opset_refuses_an_operator_whose_meaning_it_does_not_know_to_keep()
    {
        var model = SplitConcat();
        model.Graph.Node.Add(OnnxProto.Node("LRN", "lrn", ["y"], ["z"], OnnxProto.Int("size", 3)));

        var ex = Assert.Throws<NotSupportedException>(() => OpsetUpgrade.Raise(model));
        Assert.Contains("Operator LRN ('lrn') is not known to keep its meaning from opset 8 to 13", ex.Message, StringComparison.Ordinal);
    }

    private static float[] Input(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 2 * 3 * 6 * 6).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
    }

    private static float[] Run(ModelProto model, float[] input)
    {
        using var session = new InferenceSession(model.ToByteArray());
        using var value = OrtValue.CreateTensorValueFromMemory(input, [2, 3, 6, 6]);
        using var run = new RunOptions();
        using var outputs = session.Run(run, ["x"], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>x [2,3,6,6] → Conv 3→4 (3x3, pad 1, no bias) → BatchNormalization → Relu.</summary>
    private static ModelProto ConvBnRelu(int opset)
    {
        var random = new Random(7);
        float[] Values(int n, double lo, double hi) => Enumerable.Range(0, n).Select(_ => (float)(lo + (random.NextDouble() * (hi - lo)))).ToArray();
        var graph = new GraphProto { Name = "conv_bn" };
        graph.Input.Add(OnnxProto.FloatValue("x", 2, 3, 6, 6));
        graph.Initializer.Add(OnnxProto.FloatTensor("w", Values(4 * 3 * 9, -1, 1), 4, 3, 3, 3));
        graph.Initializer.Add(OnnxProto.FloatTensor("gamma", Values(4, 0.5, 2), 4));
        graph.Initializer.Add(OnnxProto.FloatTensor("beta", Values(4, -1, 1), 4));
        graph.Initializer.Add(OnnxProto.FloatTensor("mean", Values(4, -0.5, 0.5), 4));
        graph.Initializer.Add(OnnxProto.FloatTensor("var", Values(4, 0.1, 3), 4));
        var pads = new AttributeProto { Name = "pads", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 1, 1, 1 } };
        graph.Node.Add(OnnxProto.Node("Conv", "conv", ["x", "w"], ["conv_out"], pads));
        graph.Node.Add(OnnxProto.Node("BatchNormalization", "bn", ["conv_out", "gamma", "beta", "mean", "var"], ["bn_out"],
            new AttributeProto { Name = "epsilon", Type = AttributeProto.Types.AttributeType.Float, F = 1e-3f }));
        graph.Node.Add(OnnxProto.Node("Relu", "relu", ["bn_out"], ["y"]));
        graph.Output.Add(OnnxProto.FloatValue("y", 2, 4, 6, 6));
        return new ModelProto { IrVersion = 4, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = opset } } };
    }

    /// <summary>The backbone's preprocessing pattern at opset 8: Split (sizes as an attribute) → Concat in reverse order (RGB → BGR).</summary>
    private static ModelProto SplitConcat()
    {
        var graph = new GraphProto { Name = "split" };
        graph.Input.Add(OnnxProto.FloatValue("x", 2, 3, 6, 6));
        graph.Node.Add(OnnxProto.Node("Split", "split", ["x"], ["r", "g", "b"], OnnxProto.Int("axis", 1),
            new AttributeProto { Name = "split", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 1, 1, 1 } }));
        graph.Node.Add(OnnxProto.Node("Concat", "concat", ["b", "g", "r"], ["y"], OnnxProto.Int("axis", 1)));
        graph.Output.Add(OnnxProto.FloatValue("y", 2, 3, 6, 6));
        return new ModelProto { IrVersion = 4, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = 8 } } };
    }
}
