using nietras.SeparatedValues;

namespace LandUse.Scoring.Csv;

/// <summary>
/// Writes a CSV file with a fixed header through Sep, the project's one CSV library: RFC 4180 quoting (fields holding
/// commas, quotes or line breaks are quoted), invariant culture, "\n" line ends. The header is written even with no rows.
/// </summary>
public sealed class CsvWriter : IDisposable
{
    private readonly SepWriter _writer;
    private readonly int _columns;

    public CsvWriter(TextWriter target, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.Count;
        _writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).To(target, leaveOpen: true);
        _writer.Header.Add(columns);
        _writer.Header.Write();
    }

    /// <summary>Writes one record; <paramref name="values"/> are in header order, null as an empty field.</summary>
    public void Row(params ReadOnlySpan<string?> values)
    {
        if (values.Length != _columns)
        {
            throw new ArgumentException($"A record needs {_columns} fields, got {values.Length}.", nameof(values));
        }

        using var row = _writer.NewRow();
        for (var i = 0; i < values.Length; i++)
        {
            row[i].Set(values[i] ?? string.Empty);
        }
    }

    public void Dispose() => _writer.Dispose();
}
