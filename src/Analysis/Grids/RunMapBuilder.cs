using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Grids;

/// <summary>
/// Collects what a run's maps need from its rows one at a time, so a report is drawn from one pass over any number of
/// tiles: for each grid cell, the group predicted and the truth group, two nibbles of one byte in 64 x 64 blocks
/// allocated where tiles are. Memory follows the area the tiles cover (one byte per cell), never the tile count; a
/// grid beyond <see cref="TileLayout.MaxCells"/> is refused when the maps are built, by <see cref="TileLayout.Spanning"/>.
/// </summary>
public sealed class RunMapBuilder
{
    private const int BlockBits = 6;
    private const int BlockSide = 1 << BlockBits;
    private const int Mask = BlockSide - 1;
    private readonly Dictionary<(int Row, int Col), byte[]> _blocks = [];
    private readonly TileBox _box = new();

    /// <summary>Tiles with a grid position.</summary>
    public long Placed => _box.Count;

    /// <summary>Tiles without a row/col in the index or in their id.</summary>
    public long Unplaced { get; private set; }

    /// <summary>Whether any tile (placed or not) has a truth label.</summary>
    public bool AnyTruth { get; private set; }

    public void Add(TileResult tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        AnyTruth |= tile.Truth is not null;
        if (!TileLayout.TryPosition(tile, out var row, out var col))
        {
            Unplaced++;
            return;
        }

        _box.Add(row, col);
        var key = (row >> BlockBits, col >> BlockBits);
        if (!_blocks.TryGetValue(key, out var block))
        {
            _blocks[key] = block = new byte[BlockSide * BlockSide];
        }

        // A later tile at the same cell replaces an earlier one, as a layout keyed by tile id does.
        block[((row & Mask) << BlockBits) | (col & Mask)] = (byte)(Nibble(tile.Predicted) | (Nibble(tile.Truth) << 4));
    }

    /// <summary>The grids the report draws; throws <see cref="InvalidDataException"/> when they would exceed <see cref="TileLayout.MaxCells"/>.</summary>
    public RunMaps Build()
    {
        if (Placed == 0)
        {
            return new RunMaps(0, 0, 0, 0, Placed, Unplaced, new LabelGrid<LandGroup>(0, 0), null);
        }

        // The grid's shape and origin only (its placed and unplaced counts are this builder's).
        var shape = TileLayout.Spanning(_box, 0, 0);
        var predicted = new LabelGrid<LandGroup>(shape.Rows, shape.Cols);
        var truth = AnyTruth ? new LabelGrid<LandGroup>(shape.Rows, shape.Cols) : null;
        foreach (var ((blockRow, blockCol), block) in _blocks)
        {
            for (var i = 0; i < block.Length; i++)
            {
                if (block[i] == 0)
                {
                    continue;
                }

                var r = (blockRow << BlockBits) + (i >> BlockBits) - shape.RowOrigin;
                var c = (blockCol << BlockBits) + (i & Mask) - shape.ColOrigin;
                predicted[r, c] = Group(block[i] & 0xF);
                if (truth is not null)
                {
                    truth[r, c] = Group(block[i] >> 4);
                }
            }
        }

        return new RunMaps(shape.Rows, shape.Cols, shape.RowOrigin, shape.ColOrigin, Placed, Unplaced, predicted, truth);
    }

    // 0 = none, else the class + 1; a failed tile occupies its cell with no label.
    private static int Nibble(LandCover? cover) => cover is { } c ? (int)c + 1 : 0;

    private static LandGroup? Group(int nibble) => nibble == 0 ? null : LabelScheme.GroupOf((LandCover)(nibble - 1));
}

/// <summary>
/// A run's maps, ready to draw: the grid's shape and origin, how many tiles were and were not placed, the predicted
/// groups per cell and the truth groups (null when no tile has truth).
/// </summary>
public sealed record RunMaps(int Rows, int Cols, int RowOrigin, int ColOrigin, long Placed, long Unplaced, LabelGrid<LandGroup> Predicted, LabelGrid<LandGroup>? Truth);
