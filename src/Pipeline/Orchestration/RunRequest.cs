using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Models;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Registry;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// The input of a <see cref="OrchestrationNames.ScoreRun"/> orchestration: which tiles, which model, where results go,
/// and how wide to fan out. Small and secret-free, because it is copied into orchestration history.
/// </summary>
public sealed record RunRequest
{
    public required string RunId { get; init; }

    public required TileSourceSpec Source { get; init; }

    /// <summary>
    /// The model bundle folder; or, with <see cref="Models"/> set, the registry reference <c>&lt;name&gt;/&lt;version&gt;</c>
    /// (<c>&lt;name&gt;</c> for its newest version; run control pins it when the run starts).
    /// </summary>
    public required string ModelBundle { get; init; }

    /// <summary>The model registry <see cref="ModelBundle"/> is a reference into; null when it is a bundle folder.</summary>
    public ModelRegistryLocation? Models { get; init; }

    public required PredictionTarget Output { get; init; }

    /// <summary>Where summary.json, predictions.csv, index.csv and the report go; null: <see cref="ArtifactTarget.For"/> the output.</summary>
    public ArtifactTarget? Results { get; init; }

    /// <summary>What this run scores with, for the scoring backends.</summary>
    public ModelSource ModelSource() => new(ModelBundle, Models);

    /// <summary>The artifact target this run writes to.</summary>
    public ArtifactTarget ResultsTarget() => Results ?? ArtifactTarget.For(Output);

    /// <summary>Tiles per ScoreBatch activity.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>ScoreBatch activities in flight per page.</summary>
    public int MaxParallelBatches { get; init; } = 4;

    /// <summary>Tiles per listing page (one manifest and one ScorePage sub-orchestration each).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Pages scored at once; the next page is listed while earlier ones score.</summary>
    public int MaxParallelPages { get; init; } = 2;

    public TruthSource Truth { get; init; } = TruthSource.Auto;

    /// <summary>
    /// Listing pages one generation of the ScoreRun orchestration handles before it continues as new, carrying only
    /// its totals and the listing continuation, so its history stays bounded however many tiles the run has.
    /// </summary>
    public int PagesPerGeneration { get; init; } = DefaultPagesPerGeneration;

    /// <summary>
    /// What earlier generations of this run's orchestration handed on (set only by the orchestration when it continues
    /// as new; null in every request a caller makes, and never passed on to activities).
    /// </summary>
    public RunCarry? Carry { get; init; }

    /// <summary>50 pages of 1,000 tiles: a county is two generations, a country a few thousand of about 300 history events each.</summary>
    public const int DefaultPagesPerGeneration = 50;

    /// <summary>
    /// The owner token of the run-id lease this run was started under (set by <see cref="Runs.RunControl.StartAsync"/>):
    /// its steps write only while that owner still holds the lease. Null for runs without one (live upload runs).
    /// </summary>
    public string? LeaseOwner { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad field.</summary>
    public RunRequest Validate()
    {
        RunIds.Validate(RunId);
        ArgumentNullException.ThrowIfNull(Source, nameof(Source));
        ArgumentNullException.ThrowIfNull(Output, nameof(Output));
        if (string.IsNullOrWhiteSpace(ModelBundle))
        {
            throw new ArgumentException("ModelBundle must name a model bundle.", nameof(ModelBundle));
        }

        if (Models is not null)
        {
            if (string.IsNullOrWhiteSpace(Models.Container))
            {
                throw new ArgumentException("Models must name the registry's container.", nameof(Models));
            }

            if (!ModelReference.TryParse(ModelBundle, out _, out var problem))
            {
                throw new ArgumentException(problem, nameof(ModelBundle));
            }
        }

        Positive(BatchSize, nameof(BatchSize), 4096);
        Positive(MaxParallelBatches, nameof(MaxParallelBatches), 256);
        Positive(PageSize, nameof(PageSize), 5000);
        Positive(MaxParallelPages, nameof(MaxParallelPages), 64);
        Positive(PagesPerGeneration, nameof(PagesPerGeneration), 10_000);
        return this;
    }

    private static void Positive(int value, string name, int max)
    {
        if (value < 1 || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 and {max}.");
        }
    }
}
