using System.Text.Json.Nodes;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Bundles;

public sealed class ModelBundleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_written_bundle_loads_with_its_labels_output_and_real_sha()
    {
        var bundle = TinyModel.WriteBundle(_temp.Path);

        Assert.Equal(LabelScheme.Classes, bundle.Labels);
        Assert.Equal("scores", bundle.OutputName);
        Assert.Null(bundle.FixedBatchSize);
        Assert.Equal(ModelFileHash.Of(bundle.ModelPath), bundle.Manifest.Sha256);
        var json = File.ReadAllText(Path.Combine(_temp.Path, "manifest.json"));
        Assert.Contains("\"inputName\": \"image\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outputKind\": \"probabilities\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_named()
    {
        var missing = _temp.Combine("nope");
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(missing));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("model.onnx")]
    public void Missing_file_is_named(string file)
    {
        TinyModel.WriteBundle(_temp.Path);
        File.Delete(_temp.Combine(file));
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_temp.Path));
        Assert.Contains(_temp.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{file} is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_json_is_reported()
    {
        TinyModel.WriteBundle(_temp.Path);
        File.WriteAllText(_temp.Combine("manifest.json"), "{ \"name\": ");
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_temp.Path));
        Assert.Contains("manifest.json is not a valid manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_model_bytes_give_a_sha_mismatch()
    {
        TinyModel.WriteBundle(_temp.Path);
        File.AppendAllText(_temp.Combine("model.onnx"), " ");
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_temp.Path));
        Assert.Contains("sha256 mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_count_different_from_output_width_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(outputs: 7), TinyModel.Manifest(), "label count 6 does not match the model output width 7");
    }

    [Fact]
    public void A_bundle_of_two_classes_loads_with_them_in_output_order()
    {
        var bundle = ModelBundleWriter.Write(_temp.Path, TinyModel.Build(outputs: 2), TinyModel.Manifest(labels: ["Developed", "Forest"]));

        Assert.Equal([LandCover.Developed, LandCover.Forest], bundle.Labels);
    }

    [Fact]
    public void A_bundle_of_one_class_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(outputs: 1), TinyModel.Manifest(labels: ["Forest"]), "manifest names only Forest; a bundle needs at least two of the six classes");
    }

    [Fact]
    public void Unknown_label_name_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(), TinyModel.Manifest(labels: ["Barren", "Forest", "Shrub", "Cultivated", "Herbaceous", "Water"]), "unknown label 'Water'");
    }

    [Fact]
    public void Duplicate_label_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(), TinyModel.Manifest(labels: ["Barren", "Forest", "Shrub", "Cultivated", "Herbaceous", "Forest"]), "label 'Forest' appears twice");
    }

    [Fact]
    public void Input_size_different_from_the_model_is_an_unsupported_shape()
    {
        ModelBundleWriterAssert(TinyModel.Build(side: 16), TinyModel.Manifest(), "unsupported input shape image [?,3,16,16]");
    }

    [Fact]
    public void Input_of_rank_three_is_an_unsupported_shape()
    {
        ModelBundleWriterAssert(TinyModel.Build(inputRank: 3), TinyModel.Manifest(), "unsupported input shape");
    }

    [Fact]
    public void Wrong_input_name_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(), TinyModel.Manifest() with { InputName = "data" }, "the model has no input 'data'");
    }

    [Theory]
    [InlineData("layout", "NHWC", "unsupported input layout 'NHWC'")]
    [InlineData("channelOrder", "RGBA", "unsupported channel order 'RGBA'")]
    [InlineData("outputKind", "scores", "unknown output kind 'scores'")]
    [InlineData("labelScheme", "nlcd", "unknown label scheme 'nlcd'")]
    [InlineData("version", "", "manifest version is empty")]
    public void Unsupported_manifest_values_are_named(string field, string value, string expected)
    {
        TinyModel.WriteBundle(_temp.Path);
        var path = _temp.Combine("manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json[field] = value;
        File.WriteAllText(path, json.ToJsonString());
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_temp.Path));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_positive_std_is_rejected()
    {
        ModelBundleWriterAssert(TinyModel.Build(), TinyModel.Manifest() with { Std = [1f, 0f, 1f] }, "std must hold 3 positive numbers");
    }

    [Fact]
    public void A_model_file_that_is_not_onnx_is_reported()
    {
        ModelBundleWriterAssert("not a protobuf at all"u8.ToArray(), TinyModel.Manifest(), "model.onnx is not a readable ONNX model");
    }

    [Fact]
    public void A_fixed_batch_dimension_is_recorded()
    {
        var bundle = ModelBundleWriter.Write(_temp.Path, TinyModel.Build(batch: 1), TinyModel.Manifest());
        Assert.Equal(1, bundle.FixedBatchSize);
    }

    private void ModelBundleWriterAssert(byte[] model, ModelManifest manifest, string expected)
    {
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(_temp.Path, model, manifest));
        Assert.Contains(Path.GetFullPath(_temp.Path), ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
