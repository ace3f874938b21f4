using System.Globalization;
using System.Text;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Truth;

/// <summary>
/// A parsed <c>tiles.csv</c> (<c>id,row,col[,lat,lon][,label]</c>, header required, any column order):
/// tile id → grid cell, coordinates and truth. A bad line is an error naming the file's line.
/// </summary>
public sealed class TilesCsv
{
    private readonly Dictionary<string, TileFacts> _byId;

    private TilesCsv(Dictionary<string, TileFacts> byId) => _byId = byId;

    public int Count => _byId.Count;

    public TileFacts? Find(string tileId) => _byId.TryGetValue(tileId, out var facts) ? facts : null;

    /// <summary>Parses the file's bytes (UTF-8, optional BOM); <paramref name="name"/> is used in error messages.</summary>
    public static TilesCsv Parse(ReadOnlySpan<byte> content, string name)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        using var reader = new StringReader(text);
        var header = reader.ReadLine() ?? throw new FormatException($"{name} is empty; expected a header 'id,row,col[,lat,lon][,label]'.");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        var id = Required(columns, "id", name);
        var row = columns.IndexOf("row");
        var col = columns.IndexOf("col");
        var lat = columns.IndexOf("lat");
        var lon = columns.IndexOf("lon");
        var label = columns.IndexOf("label");
        var byId = new Dictionary<string, TileFacts>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length < columns.Count)
            {
                throw new FormatException($"{name} line {lineNumber}: expected {columns.Count} columns, got {cells.Length}.");
            }

            LandCover? truth = null;
            if (label >= 0 && !string.IsNullOrWhiteSpace(cells[label]))
            {
                truth = LabelScheme.TryParseClass(cells[label], out var cover)
                    ? cover
                    : throw new FormatException($"{name} line {lineNumber}: label '{cells[label]}' is not one of {string.Join(", ", LabelScheme.ClassNames)}.");
            }

            byId[cells[id].Trim()] = new TileFacts(
                truth,
                Int(cells, row, name, lineNumber),
                Int(cells, col, name, lineNumber),
                Real(cells, lat, name, lineNumber),
                Real(cells, lon, name, lineNumber));
        }

        return new TilesCsv(byId);
    }

    private static int Required(List<string> columns, string column, string name)
    {
        var index = columns.IndexOf(column);
        return index >= 0 ? index : throw new FormatException($"{name} has no '{column}' column; expected 'id,row,col[,lat,lon][,label]'.");
    }

    private static int? Int(string[] cells, int index, string name, int line)
    {
        if (index < 0 || string.IsNullOrWhiteSpace(cells[index]))
        {
            return null;
        }

        return int.TryParse(cells[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} line {line}: '{cells[index]}' is not an integer.");
    }

    private static double? Real(string[] cells, int index, string name, int line)
    {
        if (index < 0 || string.IsNullOrWhiteSpace(cells[index]))
        {
            return null;
        }

        return double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} line {line}: '{cells[index]}' is not a number.");
    }
}
