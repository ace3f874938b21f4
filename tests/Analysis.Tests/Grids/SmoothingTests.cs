using FsCheck.Xunit;
using LandUse.Analysis.Grids;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Grids;

public sealed class SmoothingTests
{
    private const LandGroup D = LandGroup.Developed;
    private const LandGroup C = LandGroup.Cultivated;
    private const LandGroup U = LandGroup.Undeveloped;

    [Property]
    public bool A_uniform_grid_is_left_unchanged(byte rows, byte cols, byte label, byte weight)
    {
        var grid = Uniform(1 + (rows % 12), 1 + (cols % 12), (LandCover)(label % 6));
        var smoothed = PluralitySmoother.Smooth(grid, new SmoothingOptions(weight % 5));
        return smoothed.CountDifferences(grid) == 0;
    }

    [Property]
    public bool An_isolated_tile_takes_its_surroundings_label(byte rows, byte cols, byte r, byte c, byte background, byte odd)
    {
        var height = 3 + (rows % 10);
        var width = 3 + (cols % 10);
        var back = (LandCover)(background % 6);
        var other = (LandCover)((background % 6 + 1 + (odd % 5)) % 6);
        var grid = Uniform(height, width, back);
        grid[r % height, c % width] = other;

        var smoothed = PluralitySmoother.Smooth(grid);

        return smoothed.CountDifferences(Uniform(height, width, back)) == 0;
    }

    [Property]
    public bool Smoothing_keeps_the_shape_and_empty_cells(int[] codes)
    {
        var cells = codes ?? [];
        var width = 7;
        var height = Math.Max(1, (cells.Length + width - 1) / width);
        var grid = new LabelGrid<LandGroup>(height, width);
        for (var i = 0; i < cells.Length; i++)
        {
            var v = (uint)cells[i] % 4;
            grid[i / width, i % width] = v < 3 ? (LandGroup)v : null;
        }

        var smoothed = PluralitySmoother.Smooth(grid);
        return smoothed.Rows == grid.Rows && smoothed.Cols == grid.Cols && smoothed.KnownCount == grid.KnownCount;
    }

    [Fact]
    public void Ties_keep_the_centre_label_and_larger_patches_survive()
    {
        // Centre D (weight 2) + 2 D neighbours = 4 votes against 4 U and 2 C: tie, the centre keeps its label.
        var grid = LabelGrid.FromRows<LandGroup>(
        [
            [D, U, U],
            [D, D, U],
            [U, C, C],
        ]);

        var smoothed = PluralitySmoother.Smooth(grid);

        Assert.Equal(D, smoothed[1, 1]);
        Assert.Equal(U, smoothed[2, 0]); // corner: U 2 vs D 2 vs C 1, tie kept
        Assert.Equal(C, smoothed[2, 2]); // corner: C 3 vs D 1, U 1
        Assert.Equal(D, smoothed[1, 0]); // edge: D 4 vs U 2, C 1
    }

    [Fact]
    public void Missing_tiles_do_not_vote_and_stay_missing()
    {
        var grid = LabelGrid.FromRows<LandGroup>(
        [
            [null, null, null],
            [null, C, U],
            [null, null, null],
        ]);

        var smoothed = PluralitySmoother.Smooth(grid);

        Assert.Null(smoothed[0, 0]);
        Assert.Equal(C, smoothed[1, 1]); // 2 votes against 1
        Assert.Equal(U, smoothed[1, 2]); // 2 votes against 1
        Assert.Equal(2, smoothed.KnownCount);
    }

    [Fact]
    public void Centre_weight_decides_whether_a_thin_line_survives()
    {
        var line = LabelGrid.FromRows<LandGroup>(
        [
            [U, U, U],
            [D, D, D],
            [U, U, U],
        ]);

        Assert.Equal(U, PluralitySmoother.Smooth(line, new SmoothingOptions(2))[1, 1]); // 2 + 2 D vs 6 U
        Assert.Equal(D, PluralitySmoother.Smooth(line, new SmoothingOptions(4))[1, 1]); // 4 + 2 D vs 6 U: tie, centre kept
    }

    private static LabelGrid<LandCover> Uniform(int rows, int cols, LandCover label)
    {
        var grid = new LabelGrid<LandCover>(rows, cols);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                grid[r, c] = label;
            }
        }

        return grid;
    }
}
