using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Comparisons;

/// <summary>
/// The tile stores of a comparison's two runs, for footprints (grid.json) and review thumbnails; a run whose tiles cannot
/// be reached has none, and a note says why (its thumbnails stay blank, its footprints fall back to centre squares).
/// </summary>
public sealed record ComparisonSources(ITileStore? A, ITileStore? B, IReadOnlyList<string> Notes)
{
    public static ComparisonSources None { get; } = new(null, null, []);

    /// <summary>Opens each run's source; a source that is unknown or cannot be opened becomes a note, never an error.</summary>
    public static ComparisonSources Open(TileStoreFactory stores, (string RunId, TileSourceSpec? Source) a, (string RunId, TileSourceSpec? Source) b)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var notes = new List<string>();
        return new ComparisonSources(Try(stores, "A", a, notes), Try(stores, "B", b, notes), notes);
    }

    private static ITileStore? Try(TileStoreFactory stores, string side, (string RunId, TileSourceSpec? Source) run, List<string> notes)
    {
        if (run.Source is not { } source)
        {
            notes.Add($"Run {side} ({run.RunId}) does not record its tile source, so its tiles are not shown.");
            return null;
        }

        try
        {
            return stores.Open(source);
        }
#pragma warning disable CA1031 // Thumbnails are extras: a source that moved or needs a connection this host lacks is a note.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            notes.Add($"Run {side} ({run.RunId}) tiles at {source.DisplayName} cannot be read ({ex.Message}), so they are not shown.");
            return null;
        }
    }
}
