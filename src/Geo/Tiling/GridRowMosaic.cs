using LandUse.Geo.Rasters;

namespace LandUse.Geo.Tiling;

/// <summary>
/// One band of grid rows at a time: the chosen bands of every scene that reaches into it, mosaicked onto the union's
/// pixel grid (the first scene in call order with data wins where scenes overlap), with a mask of the pixels that
/// hold data. Pixels outside every scene or equal to a scene's no-data value in all chosen bands are no-data.
/// Memory is one band over the union's width plus the block rows of the scenes the band crosses.
/// </summary>
internal sealed class GridRowMosaic
{
    private const int Channels = 3;
    private readonly IReadOnlyList<GeoTiffRaster> _scenes;
    private readonly SceneGrid _grid;
    private readonly TileOptions _options;
    private readonly RowWindowReader[] _readers;
    private readonly byte[] _sceneRows;
    private readonly byte[] _rgb;
    private readonly bool[] _valid;
    private int _top;

    public GridRowMosaic(IReadOnlyList<GeoTiffRaster> scenes, SceneGrid grid, TileOptions options)
    {
        _scenes = scenes;
        _grid = grid;
        _options = options;
        var bands = options.Bands.Select(b => b - 1).ToArray();
        _readers = scenes.Select(s => new RowWindowReader(s, bands)).ToArray();
        _sceneRows = new byte[scenes.Max(s => s.Width) * options.Size * Channels]; // scenes are read one after the other
        _rgb = new byte[grid.Width * options.Size * Channels];
        _valid = new bool[grid.Width * options.Size];
    }

    /// <summary>Mosaics the pixel rows of grid row <paramref name="row"/>.</summary>
    public void Load(int row)
    {
        _top = row * _options.Stride;
        var bottom = Math.Min(_top + _options.Size, _grid.Height);
        Array.Clear(_rgb);
        Array.Clear(_valid);
        for (var i = 0; i < _scenes.Count; i++)
        {
            var scene = _scenes[i];
            var (ox, oy) = _grid.Offsets[i];
            var first = Math.Max(_top, oy) - oy;
            var last = Math.Min(bottom, oy + scene.Height) - oy;
            if (oy + scene.Height <= _top)
            {
                _readers[i].Release(); // the grid has moved below this scene: keep no memory for it
            }

            if (first >= last)
            {
                continue;
            }

            var rows = _sceneRows;
            _readers[i].Read(first, last, rows);
            int? noData = scene.HasNoDataTag ? scene.NoData : 0;
            for (var r = first; r < last; r++)
            {
                var target = (r + oy - _top) * _grid.Width;
                var source = (r - first) * scene.Width * Channels;
                for (var x = 0; x < scene.Width; x++)
                {
                    var t = target + ox + x;
                    var s = source + (x * Channels);
                    if (_valid[t] || (noData == rows[s] && noData == rows[s + 1] && noData == rows[s + 2]))
                    {
                        continue;
                    }

                    _rgb[t * Channels] = rows[s];
                    _rgb[(t * Channels) + 1] = rows[s + 1];
                    _rgb[(t * Channels) + 2] = rows[s + 2];
                    _valid[t] = true;
                }
            }
        }
    }

    /// <summary>Share of tile <paramref name="col"/>'s pixels that are no-data (padding past the union counts).</summary>
    public double NoDataFraction(int col)
    {
        var size = _options.Size;
        var left = col * _options.Stride;
        var valid = 0L;
        for (var y = 0; y < size; y++)
        {
            var start = (y * _grid.Width) + left;
            var span = _valid.AsSpan(start, Math.Max(0, Math.Min(size, _grid.Width - left)));
            valid += span.Length - span.Count(false);
        }

        return 1 - ((double)valid / ((long)size * size));
    }

    /// <summary>Tile <paramref name="col"/>'s RGB pixels (no-data black) into <paramref name="target"/> (size x size x 3).</summary>
    public void CopyTile(int col, Span<byte> target)
    {
        var size = _options.Size;
        var left = col * _options.Stride;
        var columns = Math.Max(0, Math.Min(size, _grid.Width - left));
        target.Clear();
        for (var y = 0; y < size; y++)
        {
            _rgb.AsSpan(((y * _grid.Width) + left) * Channels, columns * Channels).CopyTo(target.Slice(y * size * Channels));
        }
    }
}
