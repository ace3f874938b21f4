namespace LandUse.Geo.Rasters;

/// <summary>
/// Random access to single cells of band 1 (an NLCD code raster): decodes the block that holds a cell and keeps the
/// most recently used blocks, so sampling a county touches each block about once and never loads the raster whole.
/// </summary>
internal sealed class CellSampler
{
    private readonly GeoTiffRaster _raster;
    private readonly int _capacity;
    private readonly Dictionary<(int Row, int Column), LinkedListNode<(int Row, int Column, byte[] Data)>> _index = [];
    private readonly LinkedList<(int Row, int Column, byte[] Data)> _recent = new();

    public CellSampler(GeoTiffRaster raster, int capacity = 64)
    {
        _raster = raster;
        _capacity = Math.Max(1, capacity);
    }

    /// <summary>Band 1 at pixel (column, row), or null outside the raster.</summary>
    public byte? At(long column, long row)
    {
        if (column < 0 || row < 0 || column >= _raster.Width || row >= _raster.Height)
        {
            return null;
        }

        var blocks = _raster.Blocks;
        var (x, y) = ((int)column, (int)row);
        var key = (y / blocks.BlockHeight, x / blocks.BlockWidth);
        var data = Block(key);
        var offset = ((((y % blocks.BlockHeight) * blocks.BlockWidth) + (x % blocks.BlockWidth)) * blocks.SamplesPerBlockPixel);
        return data[offset];
    }

    private byte[] Block((int Row, int Column) key)
    {
        if (_index.TryGetValue(key, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Data;
        }

        var data = _recent.Count >= _capacity ? Evict() : new byte[_raster.Blocks.BlockBytes];
        _raster.Blocks.Decode(key.Row, key.Column, 0, data);
        _index[key] = _recent.AddFirst((key.Row, key.Column, data));
        return data;
    }

    private byte[] Evict()
    {
        var last = _recent.Last!;
        _recent.RemoveLast();
        _index.Remove((last.Value.Row, last.Value.Column));
        return last.Value.Data;
    }
}
