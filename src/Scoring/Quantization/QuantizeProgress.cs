namespace LandUse.Scoring.Quantization;

/// <summary>Where quantization is: a stage ("calibrate", "quantize", "compare") and how far along it is.</summary>
public sealed record QuantizeProgress(string Stage, int Done, int Total);
