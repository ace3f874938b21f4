namespace LandUse.Analysis.Reports;

/// <summary>A run's drawn report: report.html and the map PNGs, and what could not be drawn (never a reason to fail a run).</summary>
public sealed record RunReport(IReadOnlyList<ReportFile> Files, IReadOnlyList<string> Warnings);

/// <summary>One file of a report: its name in the run folder and its bytes.</summary>
public sealed record ReportFile(string Name, byte[] Content);
