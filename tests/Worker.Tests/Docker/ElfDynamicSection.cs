using System.Buffers.Binary;
using System.Text;

namespace LandUse.Worker.Tests.Docker;

/// <summary>
/// Reads the shared libraries an ELF64 little-endian file asks the dynamic loader for (its <c>DT_NEEDED</c>
/// entries), from the section headers alone, so the CUDA dependency test needs no <c>readelf</c> and never reads
/// the hundreds of megabytes of code in between.
/// </summary>
internal static class ElfDynamicSection
{
    private const int SectionHeaderSize = 64;
    private const uint SectionTypeDynamic = 6;
    private const long TagNull = 0;
    private const long TagNeeded = 1;

    /// <summary>The <c>DT_NEEDED</c> names of <paramref name="path"/>, in the order the file lists them.</summary>
    public static IReadOnlyList<string> Needed(string path)
    {
        using var file = File.OpenRead(path);
        var header = Read(file, 0, 64, path);
        if (header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
        {
            throw new InvalidDataException($"{path} is not an ELF file.");
        }

        if (header[4] != 2 || header[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file (class {header[4]}, data {header[5]}).");
        }

        var sectionTable = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3C));
        if (sectionTable == 0 || count == 0 || entrySize < SectionHeaderSize)
        {
            throw new InvalidDataException($"{path} has no section headers to find its dynamic section by.");
        }

        var sections = Read(file, sectionTable, (long)entrySize * count, path);
        for (var i = 0; i < count; i++)
        {
            var section = sections.AsSpan(i * entrySize, SectionHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(section[4..]) != SectionTypeDynamic)
            {
                continue;
            }

            var link = (int)BinaryPrimitives.ReadUInt32LittleEndian(section[0x28..]);
            if (link >= count)
            {
                throw new InvalidDataException($"{path}: the dynamic section links string table {link}, past the {count} sections.");
            }

            var strings = sections.AsSpan(link * entrySize, SectionHeaderSize);
            var dynamic = Read(file, Offset(section), Size(section), path);
            var table = Read(file, Offset(strings), Size(strings), path);
            return Names(dynamic, table, path);
        }

        throw new InvalidDataException($"{path} has no dynamic section: it is not a shared library or executable that links others.");
    }

    private static List<string> Names(byte[] dynamic, byte[] strings, string path)
    {
        var names = new List<string>();
        for (var at = 0; at + 16 <= dynamic.Length; at += 16)
        {
            var tag = BinaryPrimitives.ReadInt64LittleEndian(dynamic.AsSpan(at));
            if (tag == TagNull)
            {
                break;
            }

            if (tag != TagNeeded)
            {
                continue;
            }

            var offset = BinaryPrimitives.ReadUInt64LittleEndian(dynamic.AsSpan(at + 8));
            if (offset >= (ulong)strings.Length)
            {
                throw new InvalidDataException($"{path}: a NEEDED entry points at {offset}, past its {strings.Length}-byte string table.");
            }

            var name = strings.AsSpan((int)offset);
            var end = name.IndexOf((byte)0);
            names.Add(Encoding.ASCII.GetString(end < 0 ? name : name[..end]));
        }

        return names;
    }

    private static long Offset(ReadOnlySpan<byte> section) => (long)BinaryPrimitives.ReadUInt64LittleEndian(section[0x18..]);

    private static long Size(ReadOnlySpan<byte> section) => (long)BinaryPrimitives.ReadUInt64LittleEndian(section[0x20..]);

    private static byte[] Read(FileStream file, long offset, long length, string path)
    {
        if (offset < 0 || length < 0 || offset + length > file.Length || length > 64 * 1024 * 1024)
        {
            throw new InvalidDataException($"{path}: {length} bytes at {offset} lie outside the {file.Length}-byte file.");
        }

        var buffer = new byte[length];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
