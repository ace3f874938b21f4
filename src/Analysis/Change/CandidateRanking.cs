namespace LandUse.Analysis.Change;

/// <summary>
/// The review order of candidates: most confident first (<see cref="ChangeCandidate.Confidence"/>), candidates without
/// probabilities last, ties by tile id then path so the order is the same on every machine.
/// </summary>
public static class CandidateRanking
{
    public static IReadOnlyList<RankedCandidate> MostConfidentFirst(IEnumerable<ChangeCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return [.. candidates
            .OrderBy(c => c.Confidence is null)
            .ThenByDescending(c => c.Confidence ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .Select((c, i) => new RankedCandidate(i + 1, c))];
    }
}
