using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Tests.Stores;

public sealed class TileRefsTests
{
    [Theory]
    [InlineData("../secret.png")]
    [InlineData("a/../../b.png")]
    [InlineData("a/..")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/tiles/a.png")]
    [InlineData("a\\b.png")]
    [InlineData("")]
    [InlineData("./")]
    public void Refs_that_escape_the_root_or_are_not_relative_are_rejected(string tileRef)
    {
        var error = Assert.Throws<ArgumentException>(() => TileRefs.Normalize(tileRef));
        Assert.Contains("ref", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a.png", "a.png")]
    [InlineData("./Forest/a.png", "Forest/a.png")]
    [InlineData("2016//tiles/r1_c2.png", "2016/tiles/r1_c2.png")]
    public void Relative_refs_are_normalized(string tileRef, string expected) => Assert.Equal(expected, TileRefs.Normalize(tileRef));

    [Theory]
    [InlineData("a.png", true)]
    [InlineData("a.PNG", true)]
    [InlineData("a.jpeg", true)]
    [InlineData("a.jpg", true)]
    [InlineData("a.tif", false)]
    [InlineData("tiles.csv", false)]
    public void Only_png_and_jpeg_files_are_images(string name, bool image) => Assert.Equal(image, TileRefs.IsImage(name));

    [Fact]
    public void Id_folder_and_parent_come_from_the_ref()
    {
        Assert.Equal("r0123_c0456", TileRefs.IdOf("2016/tiles/r0123_c0456.png"));
        Assert.Equal("2016/tiles", TileRefs.FolderOf("2016/tiles/r0123_c0456.png"));
        Assert.Equal("tiles", TileRefs.ParentNameOf("2016/tiles/r0123_c0456.png"));
        Assert.Equal("", TileRefs.ParentNameOf("a.png"));
    }
}
