namespace LandUse.Scoring.Imaging;

/// <summary>The one size cap for a tile file, so the worker, the pipeline and <c>landuse score</c> refuse the same files.</summary>
public static class TileLimits
{
    /// <summary>Files larger than this are rejected before they are read or decoded (32 MiB).</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;
}
