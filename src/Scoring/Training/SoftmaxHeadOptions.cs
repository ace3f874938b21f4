namespace LandUse.Scoring.Training;

/// <summary>How a softmax head is fitted: full-batch Adam on standardized features with an L2 penalty.</summary>
public sealed record SoftmaxHeadOptions
{
    /// <summary>L2 penalty on the weights (not the biases), added to the mean cross-entropy as 0.5 x L2 x |W|².</summary>
    public double L2 { get; init; } = 1e-2;

    public int Iterations { get; init; } = 400;

    public double LearningRate { get; init; } = 0.05;

    /// <summary>Seeds the small random initial weights; the same seed and data give the same head.</summary>
    public int Seed { get; init; } = 1;
}
