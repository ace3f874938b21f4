using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Synthetic.County;

using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.Tests.County;

public sealed class CountyPlannerTests
{
    [Fact]
    public void Development_spreads_between_the_years_onto_land_next_to_the_town()
    {
        var plan = CountyPlanner.Plan(24, 32, 3);
        var before = plan.Count(CountyPlan.FirstYear, TileClass.Developed);
        var after = plan.Count(CountyPlan.SecondYear, TileClass.Developed);

        Assert.InRange(before, 24 * 32 / 10, 24 * 32 * 6 / 10);
        Assert.True(after > before, $"developed {before} -> {after}");
        Assert.Equal(after - before, plan.Changes.Count);
        Assert.All(plan.Changes, c =>
        {
            Assert.Equal(TileClass.Developed, c.To);
            Assert.NotEqual(TileClass.Developed, c.From);
            Assert.Equal(CountyPlan.TileId(c.Row, c.Col), c.Id);
            Assert.True(HasDevelopedNeighbour(plan, CountyPlan.SecondYear, c.Row, c.Col), $"{c.Id} grew out of nowhere");
        });
    }

    [Fact]
    public void Land_cover_is_spatially_coherent_with_several_classes()
    {
        var plan = CountyPlanner.Plan(30, 30, 8);
        var tiles = plan.TilesOf(CountyPlan.FirstYear);
        var same = 0;
        var pairs = 0;
        foreach (var t in tiles.Where(t => t.Col + 1 < plan.Cols))
        {
            pairs++;
            same += t.Label == plan.At(CountyPlan.FirstYear, t.Row, t.Col + 1) ? 1 : 0;
        }

        Assert.True(tiles.Select(t => t.Label).Distinct().Count() >= 4, "fewer than four classes in a 30x30 county");
        Assert.True(same > pairs * 0.6, $"only {same} of {pairs} horizontal neighbours share a class");
    }

    [Fact]
    public void Same_seed_gives_the_same_plan_and_another_seed_a_different_one()
    {
        var a = CountyPlanner.Plan(12, 15, 4).TilesOf(CountyPlan.SecondYear);
        var b = CountyPlanner.Plan(12, 15, 4).TilesOf(CountyPlan.SecondYear);
        var c = CountyPlanner.Plan(12, 15, 5).TilesOf(CountyPlan.SecondYear);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(0, 5, "rows")]
    [InlineData(5, 0, "cols")]
    [InlineData(-1, 5, "rows")]
    [InlineData(5, CountyPlanner.MaxSide + 1, "cols")]
    public void Bad_sizes_are_refused_naming_the_argument(int rows, int cols, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CountyPlanner.Plan(rows, cols, 1));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_year_other_than_the_two_is_refused()
    {
        var plan = CountyPlanner.Plan(3, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.At(2013, 0, 0));
    }

    [Property(MaxTest = 60)]
    public Property Development_never_recedes_and_changes_list_every_difference()
    {
        var sizes = Gen.Choose(1, 25).Two().ToArbitrary();
        return Prop.ForAll(sizes, ArbMap.Default.ArbFor<int>(), (size, seed) =>
        {
            var plan = CountyPlanner.Plan(size.Item1, size.Item2, seed);
            var first = plan.TilesOf(CountyPlan.FirstYear);
            var second = plan.TilesOf(CountyPlan.SecondYear);
            var differences = first.Zip(second).Where(p => p.First.Label != p.Second.Label).Select(p => p.First.Id).ToArray();
            var canGrow = first.Any(t => t.Label != TileClass.Developed && HasDevelopedNeighbour(plan, CountyPlan.FirstYear, t.Row, t.Col));
            return first.Count == size.Item1 * size.Item2
                && first.Zip(second).All(p => p.First.Label != TileClass.Developed || p.Second.Label == TileClass.Developed)
                && differences.SequenceEqual(plan.Changes.Select(c => c.Id))
                && (!canGrow || plan.Changes.Count > 0);
        });
    }

    private static bool HasDevelopedNeighbour(CountyPlan plan, int year, int row, int col)
    {
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                var (r, c) = (row + dr, col + dc);
                if ((dr, dc) != (0, 0) && r >= 0 && c >= 0 && r < plan.Rows && c < plan.Cols && plan.At(year, r, c) == TileClass.Developed)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
