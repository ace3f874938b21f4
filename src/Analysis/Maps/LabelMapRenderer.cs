using LandUse.Analysis.Grids;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Maps;

/// <summary>The study's land-use map: one pixel per tile (scaled up), coloured by 3-class group, grey where missing or failed.</summary>
public static class LabelMapRenderer
{
    public static byte[] Render(LabelGrid<LandGroup> grid, int? scale = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return PixelMap.Render(grid.Rows, grid.Cols, scale ?? PixelMap.AutoScale(grid.Rows, grid.Cols), (r, c) => MapColors.Of(grid[r, c]));
    }

    /// <summary>A 6-class grid is drawn in its groups' colours.</summary>
    public static byte[] Render(LabelGrid<LandCover> grid, int? scale = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Render(grid.Select(LabelScheme.GroupOf), scale);
    }
}
