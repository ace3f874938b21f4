namespace LandUse.Geo.Rasters;

/// <summary>
/// Streams rows of chosen bands, top to bottom: decodes the storage blocks a window of rows touches, keeps only the
/// block rows the next window can still need, and copies the bands into an interleaved buffer the width of the raster.
/// Memory is O(width x (window height + one block row) x bands), whatever the raster's height.
/// </summary>
internal sealed class RowWindowReader
{
    private readonly GeoTiffRaster _raster;
    private readonly int[] _bands;
    private readonly SortedDictionary<int, byte[]> _blockRows = [];
    private readonly byte[] _block;

    /// <param name="raster">The open raster.</param>
    /// <param name="bands">0-based band indices to read, in output order.</param>
    public RowWindowReader(GeoTiffRaster raster, IReadOnlyList<int> bands)
    {
        _raster = raster;
        _bands = [.. bands];
        _block = new byte[raster.Blocks.BlockBytes];
    }

    /// <summary>Bands per output pixel.</summary>
    public int BandCount => _bands.Length;

    /// <summary>
    /// Rows [<paramref name="top"/>, <paramref name="bottom"/>) of the chosen bands into <paramref name="target"/>,
    /// laid out row by row, <c>Width x BandCount</c> bytes a row. Windows must not move upwards (earlier rows are dropped).
    /// </summary>
    public void Read(int top, int bottom, Span<byte> target)
    {
        var blocks = _raster.Blocks;
        var rowBytes = _raster.Width * _bands.Length;
        foreach (var stale in _blockRows.Keys.Where(k => (k + 1) * blocks.BlockHeight <= top).ToArray())
        {
            _blockRows.Remove(stale);
        }

        for (var y = top; y < bottom; y++)
        {
            var blockRow = y / blocks.BlockHeight;
            var rows = BlockRow(blockRow);
            rows.AsSpan((y - (blockRow * blocks.BlockHeight)) * rowBytes, rowBytes).CopyTo(target.Slice((y - top) * rowBytes, rowBytes));
        }
    }

    /// <summary>Drops every cached block row (the caller is done with this raster, or with its rows so far).</summary>
    public void Release() => _blockRows.Clear();

    /// <summary>One block row decoded, its chosen bands interleaved over the full raster width.</summary>
    private byte[] BlockRow(int blockRow)
    {
        if (_blockRows.TryGetValue(blockRow, out var cached))
        {
            return cached;
        }

        var blocks = _raster.Blocks;
        var width = _raster.Width;
        var nb = _bands.Length;
        var rows = blocks.RowsIn(blockRow);
        var output = new byte[width * rows * nb];
        var spp = blocks.SamplesPerBlockPixel;
        var planes = blocks.Planar ? _bands.Distinct().ToArray() : [0];
        foreach (var plane in planes)
        {
            for (var bc = 0; bc < blocks.BlocksAcross; bc++)
            {
                blocks.Decode(blockRow, bc, plane, _block);
                var x0 = bc * blocks.BlockWidth;
                var columns = Math.Min(blocks.BlockWidth, width - x0);
                for (var r = 0; r < rows; r++)
                {
                    var source = r * blocks.BlockWidth * spp;
                    var target = ((r * width) + x0) * nb;
                    for (var b = 0; b < nb; b++)
                    {
                        if (blocks.Planar && _bands[b] != plane)
                        {
                            continue;
                        }

                        var sample = blocks.Planar ? 0 : _bands[b];
                        for (var x = 0; x < columns; x++)
                        {
                            output[target + (x * nb) + b] = _block[source + (x * spp) + sample];
                        }
                    }
                }
            }
        }

        _blockRows[blockRow] = output;
        return output;
    }
}
