using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Runs;

/// <summary>
/// A run to compare: its summary (small, read whole) and its tiles as a re-readable stream, so comparing two runs takes
/// memory in grid cells and candidates, not in tiles. <see cref="Directory"/> is the run folder, or empty when it has none.
/// </summary>
public sealed record StreamedRun(string Directory, RunSummary Summary, TileRows Tiles)
{
    public string RunId => Summary.RunId;
}
