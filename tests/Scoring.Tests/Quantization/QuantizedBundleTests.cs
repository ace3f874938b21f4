using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Synthetic.Tiles;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace LandUse.Scoring.Tests.Quantization;

/// <summary>The demo bundle's INT8 twin: a valid QDQ graph that ONNX Runtime fuses, named after its parent, scoring like FP32.</summary>
public sealed class QuantizedBundleTests(QuantizedDemoFixture demo) : IClassFixture<QuantizedDemoFixture>
{
    [Fact]
    public void The_twin_is_an_int8_bundle_naming_its_parent_and_calibration_set()
    {
        var manifest = demo.Twin.Manifest;

        Assert.Equal(ModelPrecision.Int8, demo.Twin.Precision);
        Assert.Equal($"{demo.Fp32.Version}-int8", demo.Twin.Version);
        Assert.Equal(demo.Fp32.Manifest.Name, manifest.Name);
        Assert.Equal(new ParentModel(demo.Fp32.Manifest.Name, demo.Fp32.Version, demo.Fp32.Manifest.Sha256), manifest.Parent);
        Assert.Equal(new CalibrationSet(Path.GetFullPath(demo.CalibrationDir), QuantizedDemoFixture.CalibrationTiles, "percentile-99.999", 1, 0.25), manifest.Calibration);
        Assert.Equal(demo.Fp32.Manifest.Labels, manifest.Labels);
        Assert.Equal((demo.Fp32.Manifest.InputName, demo.Fp32.OutputName), (manifest.InputName, demo.Twin.OutputName));
        Assert.True(demo.Report.Bytes < demo.Report.ParentBytes / 3, $"INT8 model {demo.Report.Bytes} bytes, FP32 {demo.Report.ParentBytes}");
    }

    [Fact]
    public void The_quantized_graph_is_valid_qdq_at_opset_13_with_preprocessing_and_head_kept_in_float()
    {
        var parent = OnnxFile.Read(demo.Fp32.ModelPath);
        var model = OnnxFile.Read(demo.Twin.ModelPath);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n);

        Assert.Equal(13, model.OpsetImport.Single().Version);
        Assert.True(model.IrVersion >= 7);
        Assert.DoesNotContain(graph.Node, n => n.OpType == "BatchNormalization");
        AssertTopologicallyOrdered(graph);

        // Preprocessing (Split → Concat → Sub minus the mean image) and the head (Gemm + Softmax) are the parent's, in float.
        foreach (var op in new[] { "Concat", "Sub", "Gemm", "Softmax" })
        {
            Assert.Equal(parent.Graph.Node.Single(n => n.OpType == op).Input.Where(i => !i.EndsWith("_dequantized", StringComparison.Ordinal)), graph.Node.Single(n => n.OpType == op).Input);
        }

        foreach (var name in new[] { "MeanImage", "head_weight", "head_bias" })
        {
            Assert.Equal(OnnxProto.ReadFloats(parent.Graph.Initializer.Single(i => i.Name == name)), OnnxProto.ReadFloats(initializers[name]));
        }

        // Every Conv reads a dequantized uint8 activation, per-channel int8 weights and an int32 bias at s_x·s_w.
        var convs = graph.Node.Where(n => n.OpType == "Conv").ToArray();
        Assert.Equal(parent.Graph.Node.Count(n => n.OpType == "Conv"), convs.Length);
        foreach (var conv in convs)
        {
            var x = producers[conv.Input[0]];
            var w = producers[conv.Input[1]];
            var b = producers[conv.Input[2]];
            Assert.All(new[] { x, w, b }, dq => Assert.Equal("DequantizeLinear", dq.OpType));
            var xScale = OnnxProto.ReadFloats(initializers[x.Input[1]]).Single();
            var xZero = initializers[x.Input[2]];
            Assert.Equal((int)TensorProto.Types.DataType.Uint8, xZero.DataType);
            var weights = initializers[w.Input[0]];
            var channels = (int)weights.Dims[0];
            Assert.Equal((int)TensorProto.Types.DataType.Int8, weights.DataType);
            Assert.Equal(0, w.Attribute.Single(a => a.Name == "axis").I);
            var wScale = OnnxProto.ReadFloats(initializers[w.Input[1]]);
            Assert.Equal(channels, wScale.Length);
            Assert.All(MemoryMarshal.Cast<byte, sbyte>(initializers[w.Input[2]].RawData.Span).ToArray(), z => Assert.Equal(0, z));
            var bias = initializers[b.Input[0]];
            Assert.Equal((int)TensorProto.Types.DataType.Int32, bias.DataType);
            Assert.Equal(wScale.Select(s => xScale * s), OnnxProto.ReadFloats(initializers[b.Input[1]]));

            // 7-bit weights exactly where the input's zero point is not 0 (the mean-subtracted image into the first Conv).
            var reach = MemoryMarshal.Cast<byte, sbyte>(weights.RawData.Span).ToArray().Max(v => Math.Abs((int)v));
            Assert.Equal(xZero.RawData[0] == 0 ? 127 : 63, reach);
            Assert.Single(conv.Output, o => o.Length > 0);
            Assert.Contains(graph.Node, n => n.OpType == "QuantizeLinear" && n.Input[0] == FusedOutput(graph, conv));
        }

        Assert.Equal(1, demo.Report.SevenBitConvs);
        Assert.Equal(convs.Length, demo.Report.QuantizedConvs);
    }

    [Fact]
    public void Onnx_runtime_fuses_every_conv_into_qlinearconv_and_every_add_into_qlinearadd()
    {
        var optimized = demo.Scratch("optimized.onnx");
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, OptimizedModelFilePath = optimized })
        using (new InferenceSession(demo.Twin.ModelPath, options))
        {
        }

        var nodes = OnnxFile.Read(optimized).Graph.Node;
        var parent = OnnxFile.Read(demo.Fp32.ModelPath).Graph.Node;
        Assert.Equal(parent.Count(n => n.OpType == "Conv"), nodes.Count(n => n.OpType == "QLinearConv"));
        Assert.Equal(parent.Count(n => n.OpType == "Add"), nodes.Count(n => n.OpType == "QLinearAdd"));
        Assert.DoesNotContain(nodes, n => n.OpType is "Conv" or "Add" or "Relu" or "FusedConv");

        // What is left in float around the integer core: one QuantizeLinear in, one DequantizeLinear out.
        Assert.Equal(1, nodes.Count(n => n.OpType == "QuantizeLinear"));
        Assert.Equal(1, nodes.Count(n => n.OpType == "DequantizeLinear"));
    }

    [Fact]
    public void On_synthetic_tiles_the_twin_agrees_with_fp32_on_at_least_98_percent()
    {
        var ct = TestContext.Current.CancellationToken;
        var tiles = Enumerable.Range(0, 150).Select(i => new TileInput($"t{i}", TileGenerator.RenderPng((TileClass)(i % 6), (ulong)(5000 + i)))).ToArray();
        using var fp32 = new OnnxTileScorer(demo.Fp32, new ScoringOptions { BatchSize = 16 });
        using var int8 = new OnnxTileScorer(demo.Twin, new ScoringOptions { BatchSize = 16 });

        var a = fp32.Score(tiles, ct);
        var b = int8.Score(tiles, ct);

        Assert.All(b, p => Assert.True(p.Succeeded, p.Error));
        Assert.All(b, p => Assert.Equal(1f, p.Probabilities!.Sum(), 1e-4f));
        Assert.Equal($"{demo.Fp32.Version}-int8", int8.ModelVersion);
        var agree = a.Zip(b).Count(p => p.First.Label == p.Second.Label);
        TestContext.Current.TestOutputHelper?.WriteLine($"agreement {agree}/{tiles.Length}");
        Assert.True(agree >= 0.98 * tiles.Length, $"INT8 agrees with FP32 on {agree} of {tiles.Length} tiles");
    }

    [Fact]
    public void The_held_out_comparison_reports_both_models_on_the_tiles_kept_out_of_calibration()
    {
        var c = demo.Report.Comparison!;

        Assert.Equal(QuantizedDemoFixture.CalibrationPerClass * 6 / 4, c.Tiles);
        Assert.Empty(c.Failed);
        Assert.Equal((ModelPrecision.Fp32, ModelPrecision.Int8), (c.Reference.Precision, c.Candidate.Precision));
        Assert.Equal("features", c.FeatureTensor);
        Assert.InRange(c.Agreement, 0.9, 1.0);
        Assert.InRange(c.MeanCosine, 0.99, 1.0);
        Assert.InRange(c.MinCosine, 0.9, c.MeanCosine);
        Assert.InRange(Math.Abs(c.Candidate.Accuracy6 - c.Reference.Accuracy6), 0, 0.1);
        Assert.True(c.Reference.TilesPerSecond > 0 && c.Candidate.TilesPerSecond > 0);
    }

    [Fact]
    public void The_twin_with_its_manifest_changed_to_fp32_is_refused_for_its_quantized_graph()
    {
        var copy = CopyWithPrecision(demo.Twin, "int8-as-fp32", ModelPrecision.Fp32);

        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy));
        Assert.Contains($"Model bundle '{copy}': the manifest says precision fp32 but model.onnx is a quantized graph", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fp32_parent_with_its_manifest_changed_to_int8_is_refused_for_its_float_graph()
    {
        var copy = CopyWithPrecision(demo.Fp32, "fp32-as-int8", ModelPrecision.Int8);

        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy));
        Assert.Contains($"Model bundle '{copy}': the manifest says precision int8 but model.onnx is a float graph", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantizing_an_int8_bundle_again_is_refused()
    {
        var ex = Assert.Throws<ModelBundleException>(() => BundleQuantizerRun(demo.Twin.Folder, demo.Scratch("again")));
        Assert.Contains("it is already int8; quantize its FP32 parent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_twin_over_its_parent_is_refused_and_leaves_the_parent_as_it_was()
    {
        var copy = CopyWithPrecision(demo.Fp32, "parent-copy", ModelPrecision.Fp32);

        var ex = Assert.Throws<ArgumentException>(() => BundleQuantizerRun(copy, copy));

        Assert.Contains("is the FP32 bundle itself", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelPrecision.Fp32, ModelBundle.Load(copy).Precision);
    }

    private void BundleQuantizerRun(string bundle, string output) =>
        Scoring.Quantization.BundleQuantizer.QuantizeAsync(bundle, demo.CalibrationDir, output, new Scoring.Quantization.QuantizeOptions { Tiles = 6, HeldOutFraction = 0 }, null, TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();

    private string CopyWithPrecision(ModelBundle bundle, string name, string precision)
    {
        var folder = demo.Scratch(name);
        Directory.CreateDirectory(folder);
        File.Copy(bundle.ModelPath, Path.Combine(folder, ModelBundle.ModelFileName), overwrite: true);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Folder, ModelBundle.ManifestFileName)))!.AsObject();
        manifest["precision"] = precision;
        File.WriteAllText(Path.Combine(folder, ModelBundle.ManifestFileName), manifest.ToJsonString());
        return folder;
    }

    /// <summary>The tensor a Conv's output is quantized at: its own output, or that of the Relu that alone reads it.</summary>
    private static string FusedOutput(GraphProto graph, NodeProto conv)
    {
        var readers = graph.Node.Where(n => n.Input.Contains(conv.Output[0])).ToArray();
        return readers is [{ OpType: "Relu" } relu] ? relu.Output[0] : conv.Output[0];
    }

    private static void AssertTopologicallyOrdered(GraphProto graph)
    {
        var known = graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(i => i.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            Assert.All(node.Input.Where(i => i.Length > 0), i => Assert.True(known.Contains(i), $"{node.OpType} '{node.Name}' reads '{i}' before it is produced"));
            known.UnionWith(node.Output);
        }

        Assert.All(graph.Output, o => Assert.Contains(o.Name, known));
    }
}
