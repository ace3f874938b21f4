using System.Globalization;
using LandUse.Scoring.Csv;

namespace LandUse.Analysis.Change;

/// <summary>
/// Writes candidates.csv in review order (most confident first), tile path first so it can be fed straight to other tools:
/// <c>path,id,row,col,from,to,lat,lon,a_path,a_label,b_label,truth_changed,a_p,b_p,confidence,rank</c> (empty cells where
/// unknown). <c>a_p</c>/<c>b_p</c> are the probabilities of each side's label, <c>confidence</c> is
/// P(A in <c>from</c>) × P(B in <c>to</c>), <c>rank</c> 1 is the most confident; the columns after <c>truth_changed</c> were
/// added later and sit at the end so scripts that read by position keep working.
/// </summary>
public static class CandidatesCsv
{
    public const string FileName = "candidates.csv";

    public static IReadOnlyList<string> Columns { get; } =
        ["path", "id", "row", "col", "from", "to", "lat", "lon", "a_path", "a_label", "b_label", "truth_changed", "a_p", "b_p", "confidence", "rank"];

    public static void Write(string file, IEnumerable<RankedCandidate> candidates)
    {
        using var writer = new StreamWriter(file);
        Write(writer, candidates);
    }

    public static void Write(TextWriter writer, IEnumerable<RankedCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var csv = new CsvWriter(writer, Columns);
        foreach (var (rank, c) in candidates)
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
                c.TruthChanged is { } t ? (t ? "true" : "false") : null,
                Probability(c.ALabelProbability),
                Probability(c.BLabelProbability),
                Probability(c.Confidence),
                rank.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Six decimals: a probability's useful precision, and the same text on every machine.</summary>
    public static string? Probability(double? p) => p?.ToString("0.######", CultureInfo.InvariantCulture);
}
