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
    public void The_default_run_id_is_the_source_name_utc_time_to_the_millisecond_and_a_unique_suffix()
    {
        var id = RunIds.Default("/data/naip tiles/", new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
        Assert.Matches("^naip-tiles-20250102-030405-678-[0-9a-f]{8}$", id);
        Assert.True(RunIds.IsValid(RunIds.Default(new string('x', 200), DateTimeOffset.UnixEpoch)));
        Assert.Equal(RunIds.MaxLength, RunIds.Default(new string('x', 200), DateTimeOffset.UnixEpoch).Length);
    }

    [Fact]
    public async Task Default_run_ids_made_in_a_tight_loop_on_several_threads_never_collide()
    {
        // The same instant for all of them: only the suffix keeps them apart.
        var now = DateTimeOffset.UtcNow;
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 25_000).Select(_ => RunIds.Default("tiles", now)).ToArray())));

        var all = ids.SelectMany(x => x).ToArray();
        Assert.Equal(200_000, all.Length);
        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all.Take(100), id => Assert.True(RunIds.IsValid(id), id));
    }
}
