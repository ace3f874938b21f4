using LandUse.Analysis.Summaries;

namespace LandUse.Analysis.Runs;

/// <summary>A run read back from its folder: its summary and every tile's prediction joined with its index entry.</summary>
public sealed record LoadedRun(string Directory, RunSummary Summary, IReadOnlyList<TileResult> Tiles)
{
    public string RunId => Summary.RunId;
}
