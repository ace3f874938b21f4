namespace LandUse.Geo.Tiling;

/// <summary>What a tiling call wrote: tiles kept, tiles skipped as mostly no-data, the grid and where the files are.</summary>
public sealed record TileReport(string OutputDirectory, int Written, int SkippedNoData, int Rows, int Cols, int Epsg, int Scenes);

/// <summary>Tiling progress after each grid row.</summary>
public sealed record TileProgress(int RowsDone, int Rows, int Written, int Skipped);
