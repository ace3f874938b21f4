using LandUse.Analysis.Grids;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Grids;

public sealed class LabelGridTests
{
    [Fact]
    public void A_cell_keeps_any_label_or_none_in_one_byte()
    {
        var classes = new LabelGrid<LandCover>(2, 4);
        foreach (var cover in LabelScheme.Classes)
        {
            classes[(int)cover / 4, (int)cover % 4] = cover;
        }

        var groups = classes.Select(LabelScheme.GroupOf);

        Assert.All(LabelScheme.Classes, c => Assert.Equal(c, classes[(int)c / 4, (int)c % 4]));
        Assert.Null(classes[1, 3]);
        Assert.Equal((6, 6), (classes.KnownCount, groups.KnownCount));
        Assert.Equal(LabelScheme.GroupOf(LandCover.Developed), groups[(int)LandCover.Developed / 4, (int)LandCover.Developed % 4]);
        Assert.Equal(1, groups.CountDifferences(Clear(groups.Clone(), 0, 0)));
    }

    private static LabelGrid<LandGroup> Clear(LabelGrid<LandGroup> grid, int row, int col)
    {
        grid[row, col] = null;
        return grid;
    }
}
