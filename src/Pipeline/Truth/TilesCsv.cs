using System.Globalization;
using LandUse.Scoring.Csv;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Truth;

/// <summary>
/// A parsed <c>tiles.csv</c> (<c>id,row,col[,lat,lon][,label]</c>, header required, columns in any order, other columns
/// such as <c>x,y,epsg,scene</c> ignored), read through the one CSV reader: tile id → grid cell, coordinates and truth.
/// A bad line is an error naming the file's line.
/// </summary>
public sealed class TilesCsv
{
    private const string Expected = "id,row,col[,lat,lon][,label]";
    private readonly Dictionary<string, TileFacts> _byId;

    private TilesCsv(Dictionary<string, TileFacts> byId) => _byId = byId;

    public int Count => _byId.Count;

    public TileFacts? Find(string tileId) => _byId.TryGetValue(tileId, out var facts) ? facts : null;

    /// <summary>Parses the file's bytes (UTF-8, optional BOM); <paramref name="name"/> is used in error messages.</summary>
    public static TilesCsv Parse(ReadOnlySpan<byte> content, string name)
    {
        using var csv = CsvReader.FromBytes(content, name);
        if (csv.IsEmpty)
        {
            throw new FormatException($"{name} is empty; expected a header '{Expected}'.");
        }

        var id = csv.IndexOf(TileIndexColumns.Id);
        if (id < 0)
        {
            throw new FormatException($"{name} has no '{TileIndexColumns.Id}' column; expected '{Expected}'.");
        }

        var row = csv.IndexOf(TileIndexColumns.Row);
        var col = csv.IndexOf(TileIndexColumns.Col);
        var lat = csv.IndexOf(TileIndexColumns.Lat);
        var lon = csv.IndexOf(TileIndexColumns.Lon);
        var label = csv.IndexOf(TileIndexColumns.Label);
        var byId = new Dictionary<string, TileFacts>(StringComparer.Ordinal);
        foreach (var record in csv.Records())
        {
            if (record.Count < csv.Columns.Count)
            {
                throw new FormatException($"{name} line {record.Line}: expected {csv.Columns.Count} columns, got {record.Count}.");
            }

            LandCover? truth = null;
            if (record.Text(label) is { } text)
            {
                truth = LabelScheme.TryParseClass(text, out var cover)
                    ? cover
                    : throw new FormatException($"{name} line {record.Line}: label '{text}' is not one of {string.Join(", ", LabelScheme.ClassNames)}.");
            }

            byId[record.Text(id) ?? ""] = new TileFacts(
                truth,
                Int(record, row, name),
                Int(record, col, name),
                Real(record, lat, name),
                Real(record, lon, name));
        }

        return new TilesCsv(byId);
    }

    private static int? Int(CsvRecord record, int index, string name) =>
        record.Text(index) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{name} line {record.Line}: '{text}' is not an integer.");

    private static double? Real(CsvRecord record, int index, string name) =>
        record.Text(index) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{name} line {record.Line}: '{text}' is not a number.");
}
