using LandUse.Scoring.Output;

namespace LandUse.Analysis.Runs;

/// <summary>
/// Joins a run's prediction rows with its index rows on tile path, one row at a time: the pipeline writes both files from
/// the same rows in the same order, so each prediction meets its index row next and nothing is held. Index rows read ahead
/// of their prediction (a folder written by hand, in another order) wait by path until it comes; index rows no prediction
/// claims become unscored tiles at the end, in index order. <c>strict</c> also rejects repeated paths in either file
/// (it remembers every path, which only a caller that holds the whole run anyway should ask for).
/// </summary>
public static class RunRowJoin
{
    public static IEnumerable<TileResult> Join(
        IEnumerable<PredictionRow> predictions, IEnumerable<(TileIndexEntry Entry, int Line)> index, string predictionsName, string indexName, bool strict)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(index);
        using var ahead = index.GetEnumerator();
        var pending = new Dictionary<string, (TileIndexEntry Entry, int Line)>(StringComparer.Ordinal);
        var listed = strict ? new HashSet<string>(StringComparer.Ordinal) : null;
        var scored = strict ? new HashSet<string>(StringComparer.Ordinal) : null;
        var more = true;
        var record = 1;
        foreach (var p in predictions)
        {
            record++;
            if (scored is not null && !scored.Add(p.Path))
            {
                throw new InvalidDataException($"{predictionsName}: record {record} repeats tile path '{p.Path}'.");
            }

            TileIndexEntry? e = null;
            if (pending.Remove(p.Path, out var held))
            {
                e = held.Entry;
            }
            else
            {
                while (more && (more = ahead.MoveNext()))
                {
                    var next = Listed(ahead.Current, listed, pending, indexName);
                    if (string.Equals(next.Entry.Path, p.Path, StringComparison.Ordinal))
                    {
                        e = next.Entry;
                        break;
                    }

                    pending.Add(next.Entry.Path, next);
                }
            }

            yield return new TileResult(
                p.Path, e?.Id ?? TileResult.IdFromPath(p.Path), p.Label, e?.Truth, p.Probabilities, p.Error, e?.Row, e?.Col, e?.Lat, e?.Lon);
        }

        foreach (var (entry, _) in pending.Values.OrderBy(v => v.Line))
        {
            yield return Unscored(entry);
        }

        pending.Clear();
        while (more && (more = ahead.MoveNext()))
        {
            yield return Unscored(Listed(ahead.Current, listed, pending, indexName).Entry);
        }
    }

    /// <summary>The index row, after checking its path is not listed twice (among all rows when strict, else among those waiting).</summary>
    private static (TileIndexEntry Entry, int Line) Listed(
        (TileIndexEntry Entry, int Line) row, HashSet<string>? listed, Dictionary<string, (TileIndexEntry Entry, int Line)> pending, string indexName)
    {
        if (listed is not null ? !listed.Add(row.Entry.Path) : pending.ContainsKey(row.Entry.Path))
        {
            throw new InvalidDataException($"{indexName} line {row.Line}: path '{row.Entry.Path}' is listed twice.");
        }

        return row;
    }

    private static TileResult Unscored(TileIndexEntry e) => new(e.Path, e.Id, null, e.Truth, null, null, e.Row, e.Col, e.Lat, e.Lon);
}
