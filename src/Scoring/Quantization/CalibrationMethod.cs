namespace LandUse.Scoring.Quantization;

/// <summary>How a calibrated tensor's range is read from the values it took on the calibration tiles.</summary>
public enum CalibrationMethod
{
    /// <summary>The central share of the values (see <see cref="QuantizeOptions.Percentile"/>): rare outliers are clipped so the rest keep their resolution.</summary>
    Percentile,

    /// <summary>The smallest and largest value seen: nothing is clipped, at the cost of resolution when a few values are far out.</summary>
    MinMax,
}
