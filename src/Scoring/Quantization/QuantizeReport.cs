using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Quantization;

/// <summary>What quantization wrote and how the INT8 twin compares with its parent on the held-out tiles.</summary>
/// <param name="Bundle">The INT8 bundle as written and loaded back.</param>
/// <param name="Parent">The FP32 bundle it was made from.</param>
/// <param name="Calibration">The tiles and method the activation ranges were calibrated with.</param>
/// <param name="CalibrationFailed">Calibration tiles that could not be decoded.</param>
/// <param name="QuantizedConvs">Convs given int8 weights (all of the graph's).</param>
/// <param name="SevenBitConvs">Of those, Convs given 7-bit weights because their input's zero point is not 0.</param>
/// <param name="QuantizedActivations">Activations given a QuantizeLinear → DequantizeLinear pair.</param>
/// <param name="ParentBytes">Size of the parent model file.</param>
/// <param name="Bytes">Size of the INT8 model file.</param>
/// <param name="Comparison">FP32 against INT8 on the held-out share; null when nothing was held out.</param>
public sealed record QuantizeReport(
    ModelBundle Bundle,
    ModelBundle Parent,
    CalibrationSet Calibration,
    IReadOnlyList<string> CalibrationFailed,
    int QuantizedConvs,
    int SevenBitConvs,
    int QuantizedActivations,
    long ParentBytes,
    long Bytes,
    PrecisionReport? Comparison);
