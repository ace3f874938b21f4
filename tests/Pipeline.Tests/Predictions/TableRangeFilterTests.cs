using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Tests.Predictions;

public sealed class TableRangeFilterTests
{
    [Fact]
    public void A_partitions_keys_become_one_RowKey_range_from_the_smallest_to_the_largest_not_ORed_keys()
    {
        var filter = TablePredictionStore.RangeFilter("run-3", ["b%2F2.png", "a%2F1.png", "c'x.png"]);

        Assert.Equal("PartitionKey eq 'run-3' and RowKey ge 'a%2F1.png' and RowKey le 'c''x.png'", filter);
        Assert.DoesNotContain(" or ", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_key_is_a_point_query() =>
        Assert.Equal("PartitionKey eq 'run-3' and RowKey eq 'a.png'", TablePredictionStore.RangeFilter("run-3", ["a.png"]));
}
