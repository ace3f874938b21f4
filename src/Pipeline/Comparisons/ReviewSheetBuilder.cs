using System.Globalization;
using LandUse.Analysis.Change;
using LandUse.Analysis.Review;
using LandUse.Analysis.Runs;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Hosting;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// Draws the review sheet's thumbnails: for each candidate shown (most confident first, up to the cap), year A's and
/// year B's 3 × 3 neighbourhood from the runs' tile stores, as <c>review/&lt;rank&gt;-a.jpg</c> and <c>-b.jpg</c> beside the
/// report. A tile that cannot be read leaves its cell blank; it never fails the comparison. The neighbours' paths come from
/// one more pass over each run that keeps only the cells around the candidates shown.
/// </summary>
public static class ReviewSheetBuilder
{
    public static async Task<ReviewSheet> BuildAsync(
        IReadOnlyList<RankedCandidate> ranked, StreamedRun a, StreamedRun b, ComparisonSources sources, string outDir, ReviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ReviewImages.Clear(outDir);
        var shown = ranked.Take(options.MaxCandidates).ToList();
        if (shown.Count == 0 || (sources.A is null && sources.B is null))
        {
            return ReviewSheet.TextOnly(ranked, options.MaxCandidates, sources.Notes);
        }

        var wanted = shown
            .Where(r => r.Candidate.Row is not null && r.Candidate.Col is not null)
            .SelectMany(r => Neighbourhood.Around(r.Candidate.Row!.Value, r.Candidate.Col!.Value))
            .OfType<(int Row, int Col)>()
            .ToHashSet();
        var cellsA = await Neighbourhood.PathsAsync(a.Tiles.ReadAsync(cancellationToken), wanted, cancellationToken).ConfigureAwait(false);
        var cellsB = await Neighbourhood.PathsAsync(b.Tiles.ReadAsync(cancellationToken), wanted, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.Combine(outDir, ReviewImages.Folder));
        var entries = new ReviewEntry[shown.Count];
        var unreadable = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MachineCores.Count, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, shown.Count), parallel, async (i, ct) =>
        {
            var candidate = shown[i];
            var (imageA, missingA) = await SideAsync(sources.A, candidate, candidate.Candidate.APath, cellsA, 'a', outDir, options, ct).ConfigureAwait(false);
            var (imageB, missingB) = await SideAsync(sources.B, candidate, candidate.Candidate.Path, cellsB, 'b', outDir, options, ct).ConfigureAwait(false);
            Interlocked.Add(ref unreadable, missingA + missingB);
            entries[i] = new ReviewEntry(candidate, imageA, imageB);
        }).ConfigureAwait(false);

        var notes = sources.Notes.ToList();
        if (unreadable > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unreadable:N0} candidate tile(s) could not be read; their cells are blank."));
        }

        return new ReviewSheet(entries, ranked.Count, notes);
    }

    /// <summary>Writes one side's thumbnail; its relative path (null without a store) and whether the candidate's own tile was unreadable (1) or not (0).</summary>
    private static async Task<(string? Image, int Unreadable)> SideAsync(
        ITileStore? store, RankedCandidate ranked, string centre, IReadOnlyDictionary<(int Row, int Col), string> cells, char side, string outDir, ReviewOptions options, CancellationToken ct)
    {
        if (store is null)
        {
            return (null, 0);
        }

        var c = ranked.Candidate;
        var paths = c.Row is { } row && c.Col is { } col
            ? Neighbourhood.Around(row, col).Select((cell, i) => i == 4 ? centre : cell is { } at && cells.TryGetValue(at, out var p) ? p : null).ToArray()
            : [null, null, null, null, centre, null, null, null, null];
        var bytes = new byte[]?[9];
        for (var i = 0; i < 9; i++)
        {
            bytes[i] = paths[i] is { } path ? await TryReadAsync(store, path, ct).ConfigureAwait(false) : null;
        }

        var name = ReviewImages.Name(ranked.Rank, side);
        await File.WriteAllBytesAsync(Path.Combine(outDir, name), NeighbourhoodImage.Compose(bytes, options.CellPixels), ct).ConfigureAwait(false);
        return (name, bytes[4] is null ? 1 : 0);
    }

    private static async Task<byte[]?> TryReadAsync(ITileStore store, string path, CancellationToken ct)
    {
        try
        {
            return (await store.ReadAsync(path, ct).ConfigureAwait(false)).Bytes.ToArray();
        }
#pragma warning disable CA1031 // A missing, moved or unreadable tile is a blank cell in a thumbnail, not a failed comparison.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
