using LandUse.Analysis.Summaries;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Runs;

/// <summary>
/// Reads a run folder (<c>runs/&lt;runId&gt;/</c>) as the pipeline writes it: <c>summary.json</c> (a <see cref="RunSummary"/>),
/// <c>predictions.csv</c> (Scoring's <see cref="PredictionCsv"/> contract) and optionally <c>index.csv</c> (<see cref="IndexCsv"/>),
/// joined on tile path. Index rows without a prediction become unscored tiles; without an index, tiles have only their
/// file names (an <c>r&lt;row&gt;_c&lt;col&gt;</c> name still places them on the map).
/// </summary>
public static class RunFolder
{
    public const string SummaryFile = RunFiles.Summary;

    public const string PredictionsFile = RunFiles.Predictions;

    /// <summary>Loads the folder; throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file (and line).</summary>
    public static LoadedRun Load(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"Run folder '{dir}' does not exist.");
        }

        var summary = ReadSummary(Path.Combine(dir, SummaryFile));
        var predictions = ReadPredictions(Path.Combine(dir, PredictionsFile));
        var indexPath = Path.Combine(dir, IndexCsv.FileName);
        var index = File.Exists(indexPath) ? IndexCsv.Read(indexPath) : [];
        return new LoadedRun(dir, summary, Join(predictions, index, indexPath));
    }

    /// <summary>Joins predictions with index entries on path (predictions order first, then index-only tiles).</summary>
    public static IReadOnlyList<TileResult> Join(IReadOnlyList<PredictionRow> predictions, IReadOnlyList<TileIndexEntry> index, string indexName = IndexCsv.FileName)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(index);
        var byPath = new Dictionary<string, TileIndexEntry>(index.Count, StringComparer.Ordinal);
        for (var i = 0; i < index.Count; i++)
        {
            if (!byPath.TryAdd(index[i].Path, index[i]))
            {
                throw new InvalidDataException($"{indexName} line {i + 2}: path '{index[i].Path}' is listed twice.");
            }
        }

        var tiles = new List<TileResult>(Math.Max(predictions.Count, index.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in predictions)
        {
            seen.Add(p.Path);
            byPath.TryGetValue(p.Path, out var e);
            tiles.Add(new TileResult(
                p.Path, e?.Id ?? TileResult.IdFromPath(p.Path), p.Label, e?.Truth, p.Probabilities, p.Error, e?.Row, e?.Col, e?.Lat, e?.Lon));
        }

        foreach (var e in index)
        {
            if (!seen.Contains(e.Path))
            {
                tiles.Add(new TileResult(e.Path, e.Id, null, e.Truth, null, null, e.Row, e.Col, e.Lat, e.Lon));
            }
        }

        return tiles;
    }

    private static RunSummary ReadSummary(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Run folder has no {SummaryFile} (expected '{path}').", path);
        }

        try
        {
            return RunSummary.FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    private static List<PredictionRow> ReadPredictions(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Run folder has no {PredictionsFile} (expected '{path}').", path);
        }

        List<PredictionRow> rows;
        try
        {
            rows = [.. PredictionCsv.ReadFile(path)];
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!paths.Add(rows[i].Path))
            {
                throw new InvalidDataException($"{path}: record {i + 2} repeats tile path '{rows[i].Path}'.");
            }
        }

        return rows;
    }
}
