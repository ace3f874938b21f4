using LandUse.Analysis.Change;

namespace LandUse.Analysis.Review;

/// <summary>
/// The candidate review sheet of a comparison report: the candidates shown (most confident first, at most the cap), each
/// with its year A and year B thumbnails (paths relative to the report, null when the tiles could not be read), how many
/// candidates there are in all, and notes on what could not be shown.
/// </summary>
public sealed record ReviewSheet(IReadOnlyList<ReviewEntry> Entries, int Total, IReadOnlyList<string> Notes)
{
    public int LeftOut => Total - Entries.Count;

    /// <summary>A sheet without thumbnails: the first <paramref name="max"/> candidates as text only.</summary>
    public static ReviewSheet TextOnly(IReadOnlyList<RankedCandidate> ranked, int max, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return new ReviewSheet([.. ranked.Take(max).Select(c => new ReviewEntry(c, null, null))], ranked.Count, notes);
    }
}

/// <summary>One candidate on the review sheet and its two 3 × 3 thumbnails (relative paths such as <c>review/0001-a.jpg</c>).</summary>
public sealed record ReviewEntry(RankedCandidate Candidate, string? ImageA, string? ImageB);
