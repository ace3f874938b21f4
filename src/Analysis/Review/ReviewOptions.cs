namespace LandUse.Analysis.Review;

/// <summary>How many candidates the review sheet shows (the rest are counted in a note; candidates.csv has all) and how big a thumbnail's tiles are.</summary>
public sealed record ReviewOptions(int MaxCandidates = ReviewOptions.DefaultMaxCandidates, int CellPixels = NeighbourhoodImage.DefaultCellPixels)
{
    /// <summary>200 candidates: 400 thumbnails of about 20 KB, a page that opens at once even for a county with 1,000 candidates.</summary>
    public const int DefaultMaxCandidates = 200;

    public const int Largest = 5000;

    public static ReviewOptions Default { get; } = new();

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the bad value.</summary>
    public ReviewOptions Validate()
    {
        if (MaxCandidates < 0 || MaxCandidates > Largest)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCandidates), MaxCandidates, $"The review sheet shows 0 to {Largest} candidates.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CellPixels, 8);
        return this;
    }
}
