using LandUse.Pipeline.Ledger;

namespace LandUse.Pipeline.Tests.Ledger;

public sealed class RunIdsTests
{
    [Theory]
    [InlineData("run-1", true)]
    [InlineData("a.b_c", true)]
    [InlineData("", false)]
    [InlineData("-lead", false)]
    [InlineData("has space", false)]
    [InlineData("../x", false)]
    [InlineData("a/b", false)]
    public void Run_ids_are_safe_for_folders_and_table_keys(string runId, bool valid) => Assert.Equal(valid, RunIds.IsValid(runId));

    [Fact]
    public void The_default_run_id_is_the_source_name_and_utc_time()
    {
        var id = RunIds.Default("/data/naip tiles/", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        Assert.Equal("naip-tiles-20250102-030405", id);
        Assert.True(RunIds.IsValid(RunIds.Default(new string('x', 200), DateTimeOffset.UnixEpoch)));
    }
}
