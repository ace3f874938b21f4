using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Runs;

/// <summary>A run read back from its folder: its summary and every tile's prediction joined with its index entry.</summary>
public sealed record LoadedRun(string Directory, RunSummary Summary, IReadOnlyList<TileResult> Tiles)
{
    public string RunId => Summary.RunId;

    /// <summary>The same run as a stream over the tiles already loaded (for callers that hold a small run whole).</summary>
    public StreamedRun AsStreamed() => new(Directory, Summary, TileRows.Of(Tiles));
}
