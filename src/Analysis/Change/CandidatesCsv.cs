using System.Globalization;
using LandUse.Scoring.Csv;

namespace LandUse.Analysis.Change;

/// <summary>
/// Writes candidates.csv, tile path first so it can be fed straight to other tools:
/// <c>path,id,row,col,from,to,lat,lon,a_path,a_label,b_label,truth_changed</c> (empty cells where unknown).
/// </summary>
public static class CandidatesCsv
{
    public const string FileName = "candidates.csv";

    public static IReadOnlyList<string> Columns { get; } =
        ["path", "id", "row", "col", "from", "to", "lat", "lon", "a_path", "a_label", "b_label", "truth_changed"];

    public static void Write(string file, IEnumerable<ChangeCandidate> candidates)
    {
        using var writer = new StreamWriter(file);
        Write(writer, candidates);
    }

    public static void Write(TextWriter writer, IEnumerable<ChangeCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var csv = new CsvWriter(writer, Columns);
        foreach (var c in candidates)
        {
            csv.Row(
                c.Path,
                c.Id,
                c.Row?.ToString(CultureInfo.InvariantCulture),
                c.Col?.ToString(CultureInfo.InvariantCulture),
                c.From.ToString(),
                c.To.ToString(),
                c.Lat?.ToString("R", CultureInfo.InvariantCulture),
                c.Lon?.ToString("R", CultureInfo.InvariantCulture),
                c.APath,
                c.ALabel?.ToString(),
                c.BLabel?.ToString(),
                c.TruthChanged is { } t ? (t ? "true" : "false") : null);
        }
    }
}
