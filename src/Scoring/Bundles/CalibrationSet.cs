namespace LandUse.Scoring.Bundles;

/// <summary>The tiles a quantized bundle's activation ranges were calibrated on, and how, so a calibration can be repeated.</summary>
/// <param name="Folder">The labeled folder, as given on the command line (full path).</param>
/// <param name="Tiles">Tiles actually run through the model to calibrate.</param>
/// <param name="Method">How a tensor's range was read from its values ("percentile-99.999" or "minmax").</param>
/// <param name="Seed">Seed of the stratified split that chose the calibration tiles.</param>
/// <param name="HeldOutFraction">Share of each class kept out of calibration to evaluate on.</param>
public sealed record CalibrationSet(string Folder, int Tiles, string Method, int Seed, double HeldOutFraction);
