using System.Text;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Runs;

/// <summary>
/// Reads a run folder (<c>runs/&lt;runId&gt;/</c>) as the pipeline writes it: <c>summary.json</c> (a <see cref="RunSummary"/>),
/// <c>predictions.csv</c> (Scoring's <see cref="PredictionCsv"/> contract) and optionally <c>index.csv</c> (<see cref="IndexCsv"/>),
/// joined on tile path by <see cref="RunRowJoin"/>. Index rows without a prediction become unscored tiles; without an index,
/// tiles have only their file names (an <c>r&lt;row&gt;_c&lt;col&gt;</c> name still places them on the map).
/// <see cref="Load"/> holds the whole run; <see cref="Open"/> streams the same rows on every read (comparisons).
/// </summary>
public static class RunFolder
{
    public const string SummaryFile = RunFiles.Summary;

    public const string PredictionsFile = RunFiles.Predictions;

    /// <summary>Loads the folder; throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file (and line).</summary>
    public static LoadedRun Load(string dir)
    {
        var (summary, predictions, index) = Check(dir);
        return new LoadedRun(dir, summary, [.. ReadTiles(predictions, index, strict: true)]);
    }

    /// <summary>
    /// The folder's summary, and its tiles as a stream read afresh from the files on each pass; a bad row is an
    /// <see cref="InvalidDataException"/> naming the file and line when the pass reaches it.
    /// </summary>
    public static StreamedRun Open(string dir)
    {
        var (summary, predictions, index) = Check(dir);
        return new StreamedRun(dir, summary, new TileRows(_ => ReadTiles(predictions, index, strict: false).ToAsyncEnumerable()));
    }

    /// <summary>Joins predictions with index entries on path (predictions order first, then index-only tiles).</summary>
    public static IReadOnlyList<TileResult> Join(IReadOnlyList<PredictionRow> predictions, IReadOnlyList<TileIndexEntry> index, string indexName = IndexCsv.FileName)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(index);
        return [.. RunRowJoin.Join(predictions, index.Select((e, i) => (e, i + 2)), PredictionsFile, indexName, strict: true)];
    }

    private static (RunSummary Summary, string Predictions, string? Index) Check(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"Run folder '{dir}' does not exist.");
        }

        var summary = ReadSummary(Path.Combine(dir, SummaryFile));
        var predictions = Path.Combine(dir, PredictionsFile);
        if (!File.Exists(predictions))
        {
            throw new FileNotFoundException($"Run folder has no {PredictionsFile} (expected '{predictions}').", predictions);
        }

        var index = Path.Combine(dir, IndexCsv.FileName);
        return (summary, predictions, File.Exists(index) ? index : null);
    }

    private static IEnumerable<TileResult> ReadTiles(string predictions, string? index, bool strict) =>
        RunRowJoin.Join(Predictions(predictions), index is null ? [] : IndexLines(index), predictions, index ?? IndexCsv.FileName, strict);

    private static IEnumerable<(TileIndexEntry Entry, int Line)> IndexLines(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var line in IndexCsv.ReadLines(reader, path))
        {
            yield return line;
        }
    }

    /// <summary>predictions.csv row by row; a row that breaks the contract is an error naming the file.</summary>
    private static IEnumerable<PredictionRow> Predictions(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var rows = PredictionCsv.Read(reader).GetEnumerator();
        while (true)
        {
            PredictionRow? row;
            try
            {
                row = rows.MoveNext() ? rows.Current : null;
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"{path}: {ex.Message}", ex);
            }

            if (row is null)
            {
                yield break;
            }

            yield return row;
        }
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
}
