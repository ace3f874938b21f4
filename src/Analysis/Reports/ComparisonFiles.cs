namespace LandUse.Analysis.Reports;

/// <summary>Where a comparison's outputs were written (GeoJSON is null when no candidate has coordinates or no caller wrote it).</summary>
public sealed record ComparisonFiles(string OutDir, string Report, string CandidatesCsv, string? GeoJson, string SummaryJson);
