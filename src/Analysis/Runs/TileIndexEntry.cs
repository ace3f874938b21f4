using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Runs;

/// <summary>What a run knows about a tile besides its prediction: grid cell, coordinates and truth (each may be unknown).</summary>
public sealed record TileIndexEntry(string Path, string Id, int? Row, int? Col, double? Lat, double? Lon, LandCover? Truth);
