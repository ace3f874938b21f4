using LandUse.Scoring.Inference;

namespace LandUse.Scoring.Quantization;

/// <summary>How an FP32 bundle becomes its INT8 twin: which tiles calibrate, how ranges are read, what is held out to evaluate.</summary>
public sealed record QuantizeOptions
{
    /// <summary>Calibration tiles at most, taken evenly across classes from the calibration share.</summary>
    public int Tiles { get; init; } = 256;

    /// <summary>Share of each class kept out of calibration and used to compare FP32 with INT8; 0 skips the comparison.</summary>
    public double HeldOutFraction { get; init; } = 0.5;

    /// <summary>Seeds the stratified calibration / held-out split.</summary>
    public int Seed { get; init; } = 1;

    public CalibrationMethod Method { get; init; } = CalibrationMethod.Percentile;

    /// <summary>For <see cref="CalibrationMethod.Percentile"/>: the central share of each activation's values kept unclipped.</summary>
    public double Percentile { get; init; } = 99.999;

    /// <summary>Version of the INT8 bundle; null means the parent's version + "-int8".</summary>
    public string? Version { get; init; }

    /// <summary>Tiles per calibration batch (the calibration graph returns every activation, so batches stay small).</summary>
    public int CalibrationBatchSize { get; init; } = 8;

    /// <summary>Threads, decode limits and the batch size of the FP32 / INT8 comparison.</summary>
    public ScoringOptions Scoring { get; init; } = new();

    /// <summary>The method as the manifest records it: "percentile-99.999" or "minmax".</summary>
    public string MethodName => Method == CalibrationMethod.MinMax
        ? "minmax"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"percentile-{Percentile}");
}
