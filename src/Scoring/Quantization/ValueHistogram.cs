namespace LandUse.Scoring.Quantization;

/// <summary>
/// The distribution of one tensor's values over the calibration tiles in constant memory: exact minimum and maximum,
/// and a histogram of magnitudes per sign whose bin width doubles (merging pairs of bins) whenever a value falls past
/// its end, so any percentile can be read at the end without keeping the values.
/// </summary>
internal sealed class ValueHistogram
{
    private const int Bins = 4096;
    private readonly long[] _positive = new long[Bins];
    private readonly long[] _negative = new long[Bins];
    private double _width;

    public float Min { get; private set; } = float.PositiveInfinity;

    public float Max { get; private set; } = float.NegativeInfinity;

    public long Count { get; private set; }

    public void Add(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var (lo, hi) = (float.PositiveInfinity, float.NegativeInfinity);
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                throw new InvalidDataException("A calibration tensor holds a value that is not finite (NaN or infinity).");
            }

            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        (Min, Max) = (Math.Min(Min, lo), Math.Max(Max, hi));
        var reach = Math.Max(Math.Abs(lo), Math.Abs(hi));
        if (_width == 0)
        {
            // The first values fill about half the bins, leaving room before the first doubling.
            _width = reach > 0 ? reach / (Bins / 2.0) : 0;
        }

        while (_width > 0 && reach >= _width * Bins)
        {
            Merge(_positive);
            Merge(_negative);
            _width *= 2;
        }

        if (_width == 0)
        {
            // All zeros so far.
            _positive[0] += values.Length;
            Count += values.Length;
            return;
        }

        var inverse = 1.0 / _width;
        foreach (var v in values)
        {
            if (v >= 0)
            {
                _positive[Math.Min(Bins - 1, (int)(v * inverse))]++;
            }
            else
            {
                _negative[Math.Min(Bins - 1, (int)(-v * inverse))]++;
            }
        }

        Count += values.Length;
    }

    /// <summary>The range [lo, hi] to quantize: min and max, or for a percentile p the values with (100 − p) % of all values beyond each end cut off.</summary>
    public (float Lo, float Hi) Range(CalibrationMethod method, double percentile)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No values were seen.");
        }

        if (method == CalibrationMethod.MinMax || _width == 0)
        {
            return (Min, Max);
        }

        var tail = Count * (100 - percentile) / 100.0;
        var hi = Edge(_positive, tail);
        var lo = -Edge(_negative, tail);
        return ((float)Math.Max(lo, Min), (float)Math.Min(hi, Max));
    }

    /// <summary>The upper edge of the bin at which the count from the far end first exceeds <paramref name="tail"/>; 0 when the whole side is tail.</summary>
    private double Edge(long[] side, double tail)
    {
        double seen = 0;
        for (var bin = Bins - 1; bin >= 0; bin--)
        {
            seen += side[bin];
            if (seen > tail)
            {
                return (bin + 1) * _width;
            }
        }

        return 0;
    }

    private static void Merge(long[] side)
    {
        for (var i = 0; i < Bins / 2; i++)
        {
            side[i] = side[2 * i] + side[(2 * i) + 1];
        }

        Array.Clear(side, Bins / 2, Bins / 2);
    }
}
