using System.Text.Json.Nodes;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Bundles;

/// <summary>The manifest's precision, parent and calibration set, checked against the graph at load and against the provider when scoring.</summary>
public sealed class ModelPrecisionTests : IDisposable
{
    private static readonly ParentModel Parent = new("tiny", "tiny-1", new string('a', 64));
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_float_bundle_says_fp32_and_names_no_parent()
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);

        Assert.Equal(ModelPrecision.Fp32, bundle.Precision);
        var json = File.ReadAllText(_temp.Combine("manifest.json"));
        Assert.Contains("\"precision\": \"fp32\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parent\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"calibration\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_written_before_precision_existed_reads_as_fp32()
    {
        TinyModel.WriteBundle(_temp.Path);
        var manifest = JsonNode.Parse(File.ReadAllText(_temp.Combine("manifest.json")))!.AsObject();
        Assert.True(manifest.Remove("precision"));
        File.WriteAllText(_temp.Combine("manifest.json"), manifest.ToJsonString());

        Assert.Equal(ModelPrecision.Fp32, ModelBundle.Load(_temp.Path).Precision);
    }

    [Fact]
    public void An_int8_bundle_round_trips_its_parent_and_calibration_set()
    {
        var calibration = new CalibrationSet("/data/labeled", 256, "percentile-99.999", 1, 0.5);
        var manifest = TinyModel.Manifest() with { Precision = ModelPrecision.Int8, Parent = Parent, Calibration = calibration, Version = "tiny-1-int8" };

        var bundle = ModelBundleWriter.Write(_temp.Path, TinyModel.Build(quantizedInput: true), manifest);

        Assert.Equal(ModelPrecision.Int8, bundle.Precision);
        Assert.Equal(Parent, bundle.Manifest.Parent);
        Assert.Equal(calibration, bundle.Manifest.Calibration);
        Assert.Equal("tiny-1-int8", ModelBundle.Load(_temp.Path).Version);
    }

    [Fact]
    public void A_manifest_claiming_int8_over_a_float_graph_is_refused()
    {
        var ex = Assert.Throws<ModelBundleException>(() =>
            ModelBundleWriter.Write(_temp.Path, TinyModel.Build(), TinyModel.Manifest() with { Precision = ModelPrecision.Int8, Parent = Parent }));

        Assert.Contains(_temp.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("the manifest says precision int8 but model.onnx is a float graph", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_claiming_fp32_over_a_quantized_graph_is_refused()
    {
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(_temp.Path, TinyModel.Build(quantizedInput: true), TinyModel.Manifest()));

        Assert.Contains("the manifest says precision fp32 but model.onnx is a quantized graph (2 QuantizeLinear, DequantizeLinear or QLinear* nodes)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int4")]
    [InlineData("FP32")]
    [InlineData("")]
    public void An_unknown_precision_is_refused(string precision)
    {
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(_temp.Path, TinyModel.Build(), TinyModel.Manifest() with { Precision = precision }));

        Assert.Contains($"unknown precision '{precision}' (fp32 or int8)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_without_a_real_sha_is_refused()
    {
        var manifest = TinyModel.Manifest() with { Precision = ModelPrecision.Int8, Parent = Parent with { Sha256 = "abc" } };

        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(_temp.Path, TinyModel.Build(quantizedInput: true), manifest));

        Assert.Contains("parent must name the FP32 bundle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_int8_bundle_scores_on_the_cpu_and_is_refused_on_cuda_naming_its_parent()
    {
        var bundle = ModelBundleWriter.Write(_temp.Path, TinyModel.Build(quantizedInput: true), TinyModel.Manifest() with { Precision = ModelPrecision.Int8, Parent = Parent });
        using (var cpu = new OnnxTileScorer(bundle, new ScoringOptions { BatchSize = 2 }))
        {
            var scored = cpu.Score([new TileInput("red", Images.SolidPng(TinyModel.Side, TinyModel.Side, 255, 0, 0))], TestContext.Current.CancellationToken);
            Assert.Equal(Labels.LandCover.Barren, scored[0].Label);
        }

        var ex = Assert.Throws<ModelBundleException>(() => new OnnxTileScorer(bundle, new ScoringOptions { Provider = ExecutionProvider.Cuda }));

        Assert.Contains("it is an INT8 bundle, made for the CPU provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("on CUDA score its FP32 parent tiny version tiny-1", ex.Message, StringComparison.Ordinal);
    }
}
