using LandUse.Analysis.Grids;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Grids;

public sealed class TileLayoutTests
{
    [Fact]
    public void Positions_come_from_the_index_else_from_r_c_names_and_the_grid_starts_at_the_smallest()
    {
        TileResult[] tiles =
        [
            new("a/r0010_c0020.png", "r0010_c0020", LandCover.Forest, null, null, null, null, null, null, null),
            new("a/x.png", "x", LandCover.Developed, null, null, null, 12, 21, null, null),
            new("a/nowhere.png", "nowhere", LandCover.Shrub, null, null, null, null, null, null, null),
        ];

        var layout = TileLayout.From(tiles);
        var grid = layout.Grid(tiles, t => t.Predicted);

        Assert.Equal((3, 2, 10, 20), (layout.Rows, layout.Cols, layout.RowOrigin, layout.ColOrigin));
        Assert.Equal((2, 1), (layout.Placed, layout.Unplaced));
        Assert.Equal(LandCover.Forest, grid[0, 0]);
        Assert.Equal(LandCover.Developed, grid[2, 1]);
        Assert.Null(grid[1, 1]);
        Assert.False(layout.TryGetCell(tiles[2], out _, out _));
    }

    [Fact]
    public void A_grid_too_large_to_draw_is_reported_with_its_extent()
    {
        TileResult[] tiles =
        [
            TestTiles.Cell(0, 0, LandCover.Forest),
            TestTiles.Cell(100_000, 100_000, LandCover.Forest),
        ];

        var ex = Assert.Throws<InvalidDataException>(() => TileLayout.From(tiles));

        Assert.Contains("rows 0..100000", ex.Message, StringComparison.Ordinal);
    }
}
