namespace LandUse.Analysis.Change;

/// <summary>
/// A comparison as users ask for it (CLI <c>landuse compare</c>, Functions <c>POST /api/compare</c>): two run ids or folders,
/// the change options, where run ids resolve (default <c>./runs</c>) and where outputs go (default <c>&lt;run B&gt;/compare-&lt;run A&gt;</c>).
/// </summary>
public sealed record ComparisonRequest(string RunA, string RunB, ChangeOptions? Options = null, string? RunsDir = null, string? OutDir = null);
