namespace LandUse.Analysis.Grids;

/// <summary>
/// Removes isolated tiles with a 3×3 plurality vote, as the county study did before mapping and change detection.
/// Neighbours off the grid or without a label do not vote; an empty cell stays empty (smoothing never invents a tile);
/// a tie that includes the centre's own label keeps it, other ties go to the lowest-numbered label.
/// </summary>
public static class PluralitySmoother
{
    public static LabelGrid<T> Smooth<T>(LabelGrid<T> grid, SmoothingOptions? options = null)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(grid);
        options ??= SmoothingOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.CentreWeight);

        var labelCount = Enum.GetValues<T>().Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var votes = new int[labelCount];
        var result = new LabelGrid<T>(grid.Rows, grid.Cols);
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Cols; c++)
            {
                if (grid[r, c] is not { } centre)
                {
                    continue;
                }

                Array.Clear(votes);
                var centreIndex = ToIndex(centre);
                votes[centreIndex] += options.CentreWeight;
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        if ((dr != 0 || dc != 0) && grid.Contains(r + dr, c + dc) && grid[r + dr, c + dc] is { } neighbour)
                        {
                            votes[ToIndex(neighbour)]++;
                        }
                    }
                }

                result[r, c] = Winner(votes, centreIndex, centre);
            }
        }

        return result;
    }

    private static T Winner<T>(int[] votes, int centreIndex, T centre)
        where T : struct, Enum
    {
        var best = votes.Max();
        if (votes[centreIndex] == best)
        {
            return centre;
        }

        var winner = Array.IndexOf(votes, best);
        return (T)Enum.ToObject(typeof(T), winner);
    }

    private static int ToIndex<T>(T value)
        where T : struct, Enum
    {
        var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(value), value, "Labels must have non-negative values.");
    }
}
