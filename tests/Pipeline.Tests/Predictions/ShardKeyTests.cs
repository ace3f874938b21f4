using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Tests.Predictions;

public sealed class ShardKeyTests
{
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Hash_is_fnv1a_32_so_it_is_the_same_in_every_process(string key, uint expected) =>
        Assert.Equal(expected, ShardKey.Fnv1a(key));

    [Property]
    public Property Shards_are_in_range_and_partition_keys_carry_the_run_id(NonNull<string> tileRef) =>
        Prop.ToProperty(
            ShardKey.ShardOf(tileRef.Get) is >= 0 and < ShardKey.Count
            && ShardKey.PartitionKey("run-1", tileRef.Get).StartsWith("run-1-", StringComparison.Ordinal));

    [Fact]
    public void Many_refs_spread_over_all_shards()
    {
        var shards = Enumerable.Range(0, 5000).Select(i => ShardKey.ShardOf($"2016/tiles/r{i / 100}_c{i % 100}.png")).ToHashSet();
        Assert.Equal(ShardKey.Count, shards.Count);
    }
}
