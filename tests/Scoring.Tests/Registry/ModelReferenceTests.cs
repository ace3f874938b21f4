using LandUse.Scoring.Registry;

namespace LandUse.Scoring.Tests.Registry;

public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("naip", "naip", null)]
    [InlineData("naip/v2", "naip", "v2")]
    [InlineData("landuse-resnet18/landuse-resnet18-5ee71b309325", "landuse-resnet18", "landuse-resnet18-5ee71b309325")]
    [InlineData("a.b_c-d/1.0.0", "a.b_c-d", "1.0.0")]
    public void A_name_or_name_slash_version_parses(string text, string name, string? version)
    {
        var reference = ModelReference.Parse(text);

        Assert.Equal((name, version, version is not null), (reference.Name, reference.Version, reference.IsPinned));
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/b/c", "more than one '/'")]
    [InlineData("naip/", "empty")]
    [InlineData("../etc", "must start with a letter or digit")]
    [InlineData("naip/..", "must start with a letter or digit")]
    [InlineData("my model", "only letters, digits")]
    [InlineData("naip/v1\\x", "only letters, digits")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelReference.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blob_names_outside_the_layout_are_not_versions()
    {
        Assert.Equal("naip/v1", RegistryLayout.Parse("naip/v1/manifest.json")!.Value.Version.ToString());
        Assert.Null(RegistryLayout.Parse("naip/v1/notes.txt"));
        Assert.Null(RegistryLayout.Parse("naip/manifest.json"));
        Assert.Null(RegistryLayout.Parse("naip/v1/extra/model.onnx"));
    }
}
