using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace LandUse.Geo.Rasters;

/// <summary>
/// The raster's storage blocks, strips (full width) or tiles, and decoding one of them. A block holds all bands
/// interleaved (chunky) or one band (planar); a truncated or undecodable block is an error naming the file.
/// </summary>
internal sealed class RasterBlocks
{
    private readonly string _path;
    private readonly Tiff _tiff;
    private readonly int _height;

    public RasterBlocks(string path, Tiff tiff, int width, int height, int bands)
    {
        _path = path;
        _tiff = tiff;
        _height = height;
        Tiled = tiff.IsTiled();
        Planar = bands > 1 && tiff.GetField(TiffTag.PLANARCONFIG) is { Length: >= 1 } p && (PlanarConfig)p[0].ToInt() == PlanarConfig.SEPARATE;
        SamplesPerBlockPixel = Planar ? 1 : bands;
        if (Tiled)
        {
            BlockWidth = tiff.GetField(TiffTag.TILEWIDTH)[0].ToInt();
            BlockHeight = tiff.GetField(TiffTag.TILELENGTH)[0].ToInt();
        }
        else
        {
            BlockWidth = width;
            var rows = tiff.GetField(TiffTag.ROWSPERSTRIP) is { Length: >= 1 } r ? r[0].ToInt() : height;
            BlockHeight = rows <= 0 || rows > height ? height : rows;
        }

        if (BlockWidth <= 0 || BlockHeight <= 0)
        {
            throw GeoDataException.For(path, string.Create(CultureInfo.InvariantCulture, $"its {(Tiled ? "tiles" : "strips")} are {BlockWidth} x {BlockHeight} pixels."));
        }

        BlocksAcross = (width + BlockWidth - 1) / BlockWidth;
        BlockBytes = Tiled ? tiff.TileSize() : tiff.StripSize();
    }

    public bool Tiled { get; }

    public bool Planar { get; }

    public int BlockWidth { get; }

    public int BlockHeight { get; }

    public int BlocksAcross { get; }

    /// <summary>Samples per pixel inside one block: all bands (chunky) or one (planar).</summary>
    public int SamplesPerBlockPixel { get; }

    /// <summary>Bytes one decoded block takes (a strip's or a tile's full size).</summary>
    public int BlockBytes { get; }

    /// <summary>Rows of a block row actually inside the image (the last one may be short).</summary>
    public int RowsIn(int blockRow) => Math.Min(BlockHeight, _height - (blockRow * BlockHeight));

    /// <summary>Decodes block (blockRow, blockColumn) of a plane (0 for chunky data) into <paramref name="buffer"/> (at least <see cref="BlockBytes"/>).</summary>
    public void Decode(int blockRow, int blockColumn, int plane, byte[] buffer)
    {
        var y = blockRow * BlockHeight;
        var expected = Tiled ? BlockBytes : _tiff.VStripSize(RowsIn(blockRow));
        LibTiffSetup.ClearError();
        int read;
        int index;
        try
        {
            if (Tiled)
            {
                index = _tiff.ComputeTile(blockColumn * BlockWidth, y, 0, (short)plane);
                read = _tiff.ReadEncodedTile(index, buffer, 0, BlockBytes);
            }
            else
            {
                index = _tiff.ComputeStrip(y, (short)plane);
                read = _tiff.ReadEncodedStrip(index, buffer, 0, -1);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException or EndOfStreamException)
        {
            throw GeoDataException.For(_path, string.Create(CultureInfo.InvariantCulture, $"{(Tiled ? "tile" : "strip")} at row {y} cannot be decoded ({ex.Message}); the file may be truncated or corrupt."), ex);
        }

        if (read < expected)
        {
            var reason = GeoTiffRaster.Clean(_path, LibTiffSetup.LastError(string.Create(CultureInfo.InvariantCulture, $"{Math.Max(read, 0)} of {expected} bytes decoded")));
            throw GeoDataException.For(_path, string.Create(CultureInfo.InvariantCulture,
                $"{(Tiled ? "tile" : "strip")} {index} is truncated or corrupt ({reason}); the file may be cut short."));
        }
    }
}
