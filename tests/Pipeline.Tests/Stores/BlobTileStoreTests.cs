using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Tests.Stores;

public sealed class BlobTileStoreTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("/", "")]
    [InlineData("tiles", "tiles/")]
    [InlineData("/2016/tiles/", "2016/tiles/")]
    public void Prefixes_end_with_exactly_one_slash(string? prefix, string expected) =>
        Assert.Equal(expected, BlobTileStore.NormalizePrefix(prefix));

    [Fact]
    public void A_prefix_that_climbs_out_is_rejected() =>
        Assert.Throws<ArgumentException>(() => BlobTileStore.NormalizePrefix("a/../.."));
}
