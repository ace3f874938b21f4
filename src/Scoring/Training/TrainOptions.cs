using LandUse.Scoring.Inference;

namespace LandUse.Scoring.Training;

/// <summary>How a bundle is trained: split, head fitting, naming and the feature-extraction session.</summary>
public sealed record TrainOptions
{
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seeds the validation split and the head's initial weights.</summary>
    public int Seed { get; init; } = 1;

    public SoftmaxHeadOptions Head { get; init; } = new();

    public string Name { get; init; } = "landuse-resnet18";

    /// <summary>Bundle version; null means name + the first 12 hex digits of the model's SHA-256.</summary>
    public string? Version { get; init; }

    /// <summary>Batch size, threads and decode limits used while extracting features.</summary>
    public ScoringOptions Scoring { get; init; } = new();
}
