using nietras.SeparatedValues;

namespace LandUse.Scoring.Csv;

/// <summary>
/// Reads a CSV file with a header through Sep, the project's one CSV library: RFC 4180 unquoting, columns found by name
/// (case-insensitive, any order, extra columns ignored), one record at a time with its line number for error messages.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly SepReader _reader;

    private CsvReader(SepReader reader, string name)
    {
        _reader = reader;
        Name = name;
        Columns = reader.Header.ColNames.Select(c => c.Trim().TrimStart('\uFEFF')).ToArray();
    }

    /// <summary>The file's name as errors show it.</summary>
    public string Name { get; }

    /// <summary>The header's column names, trimmed, in file order; empty for an empty file.</summary>
    public IReadOnlyList<string> Columns { get; }

    public bool IsEmpty => _reader.Header.IsEmpty;

    public static CsvReader From(TextReader source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, ColNameComparer = StringComparer.OrdinalIgnoreCase })
            .From(source, leaveOpen: true);
        return new CsvReader(reader, name);
    }

    public static CsvReader FromBytes(ReadOnlySpan<byte> content, string name) =>
        From(new StringReader(System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF')), name);

    /// <summary>Index of the named column (case-insensitive), or -1 when the header has none.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Every record after the header; blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A quoted field is never closed; the message names the file and line.</exception>
    public IEnumerable<CsvRecord> Records()
    {
        foreach (var row in _reader)
        {
            // In RFC 4180 every quoted field holds an even number of quotes (open, close, doubled ones); an odd count
            // means the last field's quote was never closed and the rest of the file was swallowed into it.
            if (row.Span.Count('"') % 2 != 0)
            {
                throw new InvalidDataException($"{Name} line {row.LineNumberFrom}: unterminated quoted field.");
            }

            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return new CsvRecord(fields, row.LineNumberFrom);
        }
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>One CSV record: its fields (unquoted) and the line it starts on.</summary>
public sealed record CsvRecord(IReadOnlyList<string> Fields, int Line)
{
    public int Count => Fields.Count;

    /// <summary>The field at <paramref name="index"/>, trimmed, or null when the column is absent or the field empty.</summary>
    public string? Text(int index)
    {
        if (index < 0 || index >= Fields.Count)
        {
            return null;
        }

        var value = Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }
}
