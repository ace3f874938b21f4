namespace LandUse.Analysis.Metrics;

/// <summary>One class's precision, recall and F1, with how many truth tiles it had, for the per-class table.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support, long Predicted);
