using BitMiracle.LibTiff.Classic;

namespace LandUse.Geo.Tests.Support;

/// <summary>Damages valid test TIFFs the way real files get damaged.</summary>
public static class TiffSurgery
{
    /// <summary>
    /// Makes the last strip run past the end of the file, as in a download cut short (LibTiff writes its directory
    /// after the strips, so the file is patched rather than cut: the strip's byte count grows by a megabyte).
    /// </summary>
    public static void TruncateLastStrip(string path)
    {
        long offset;
        using (var tiff = Tiff.Open(path, "r"))
        {
            offset = tiff.CurrentDirOffset();
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes[0] != 'I')
        {
            throw new InvalidOperationException("expected a little-endian classic TIFF");
        }

        var entries = BitConverter.ToUInt16(bytes, (int)offset);
        for (var i = 0; i < entries; i++)
        {
            var at = (int)offset + 2 + (i * 12);
            if (BitConverter.ToUInt16(bytes, at) != (ushort)TiffTag.STRIPBYTECOUNTS)
            {
                continue;
            }

            var type = BitConverter.ToUInt16(bytes, at + 2);
            var count = (int)BitConverter.ToUInt32(bytes, at + 4);
            if (type != (ushort)TiffType.LONG)
            {
                throw new InvalidOperationException($"expected LONG strip byte counts, got type {type}");
            }

            var last = count == 1 ? at + 8 : (int)BitConverter.ToUInt32(bytes, at + 8) + ((count - 1) * 4);
            var value = BitConverter.ToUInt32(bytes, last) + 1_000_000u;
            BitConverter.GetBytes(value).CopyTo(bytes, last);
            File.WriteAllBytes(path, bytes);
            return;
        }

        throw new InvalidOperationException("no StripByteCounts tag");
    }
}
