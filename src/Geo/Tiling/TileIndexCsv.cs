using System.Globalization;
using LandUse.Scoring.Csv;

namespace LandUse.Geo.Tiling;

/// <summary>
/// Reads and writes <c>tiles.csv</c> (<c>id,row,col,lat,lon,x,y,epsg,scene[,label]</c>) with Sep, RFC 4180 quoting,
/// always atomically (a temporary file moved over the old one). Columns it does not know are kept as they are.
/// </summary>
public static class TileIndexCsv
{
    public const string FileName = TileIndexColumns.FileName;

    /// <summary>The columns <c>landuse tile</c> writes, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["id", "row", "col", "lat", "lon", "x", "y", "epsg", "scene"];

    public const string LabelColumn = TileIndexColumns.Label;

    /// <summary>Writes the records (with a label column when any record has a label) to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<TileRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var withLabel = records.Any(r => r.Label is not null);
        var columns = withLabel ? [.. Columns, LabelColumn] : Columns.ToList();
        WriteTable(path, new TileTable(columns, records.Select(r => Cells(r, withLabel)).ToList()));
    }

    /// <summary>Writes a table as read by <see cref="ReadTable"/> (with any changes), atomically.</summary>
    public static void WriteTable(string path, TileTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var temp = path + ".tmp";
        try
        {
            using (var file = new StreamWriter(temp))
            using (var writer = new CsvWriter(file, table.Columns))
            {
                foreach (var cells in table.Rows)
                {
                    writer.Row([.. Enumerable.Range(0, table.Columns.Count).Select(c => c < cells.Length ? cells[c] : null)]);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Every row as text, columns as in the file's header.</summary>
    public static TileTable ReadTable(string path)
    {
        if (!File.Exists(path))
        {
            throw GeoDataException.For(path, "missing; run `landuse tile` to write the tiles and their index first.");
        }

        try
        {
            using var file = File.OpenText(path);
            using var reader = CsvReader.From(file, path);
            var columns = reader.Columns.ToList();
            var rows = new List<string[]>();
            foreach (var record in reader.Records())
            {
                rows.Add([.. Enumerable.Range(0, columns.Count).Select(c => c < record.Count ? record.Fields[c] : "")]);
            }

            return new TileTable(columns, rows);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw GeoDataException.For(path, $"is not a readable tile index ({ex.Message}).", ex);
        }
    }

    /// <summary>The typed records of a table; a missing column or a bad number is an error naming the file and line.</summary>
    public static IReadOnlyList<TileRecord> Records(string path, TileTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var at = Columns.ToDictionary(c => c, c => table.Columns.IndexOf(c));
        var missing = at.Where(p => p.Value < 0).Select(p => p.Key).ToArray();
        if (missing.Length > 0)
        {
            throw GeoDataException.For(path, $"lacks the column(s) {string.Join(", ", missing)}; expected {string.Join(",", Columns)} as `landuse tile` writes.");
        }

        var label = table.Columns.IndexOf(LabelColumn);
        var records = new List<TileRecord>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            var line = i + 2;
            records.Add(new TileRecord(
                cells[at["id"]],
                Int(path, line, cells[at["row"]]),
                Int(path, line, cells[at["col"]]),
                Real(path, line, cells[at["lat"]]),
                Real(path, line, cells[at["lon"]]),
                Real(path, line, cells[at["x"]]),
                Real(path, line, cells[at["y"]]),
                Int(path, line, cells[at["epsg"]]),
                cells[at["scene"]])
            {
                Label = label >= 0 ? cells[label] : null,
            });
        }

        return records;
    }

    private static string[] Cells(TileRecord r, bool withLabel)
    {
        var c = CultureInfo.InvariantCulture;
        string[] cells =
        [
            r.Id, r.Row.ToString(c), r.Col.ToString(c), Math.Round(r.Lat, 8).ToString("R", c), Math.Round(r.Lon, 8).ToString("R", c),
            Coordinate(r.X), Coordinate(r.Y), r.Epsg.ToString(c), r.Scene,
        ];
        return withLabel ? [.. cells, r.Label ?? ""] : cells;
    }

    /// <summary>Millimetres for metres; geographic scenes keep nine decimals of a degree.</summary>
    private static string Coordinate(double value) =>
        Math.Round(value, Math.Abs(value) <= 360 ? 9 : 3).ToString("R", CultureInfo.InvariantCulture);

    private static int Int(string path, int line, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw GeoDataException.For(path, $"line {line}: '{text}' is not an integer.");

    private static double Real(string path, int line, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw GeoDataException.For(path, $"line {line}: '{text}' is not a number.");
}

/// <summary>A tile index as text: the header's columns and each row's cells.</summary>
public sealed record TileTable(List<string> Columns, List<string[]> Rows);
