namespace LandUse.Scoring.Imaging;

/// <summary>
/// The one set of caps for a tile file, so the worker, the pipeline and <c>landuse score</c> refuse the same files and no
/// decode holds more memory than <see cref="MaxDecodeBytes"/> for pixels (see docs/RELIABILITY.md).
/// </summary>
public static class TileLimits
{
    /// <summary>Files larger than this are rejected before they are read or decoded (32 MiB).</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Images with more pixels than this (4096 x 4096) are never decoded whole: a baseline JPEG is decoded at a reduced
    /// scale, a non-interlaced PNG streams row by row into the model's input size, anything else is refused.
    /// </summary>
    public const long MaxDecodePixels = 4096L * 4096;

    /// <summary>The most pixel memory one decode holds: <see cref="MaxDecodePixels"/> RGBA pixels (64 MiB).</summary>
    public const long MaxDecodeBytes = MaxDecodePixels * 4;
}
