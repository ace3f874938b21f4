using System.Text.Json.Serialization;
using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// One tile's stored outcome (a row of the <c>predictions</c> table or a line of a run's part file): the label and
/// probabilities or the error, the truth and grid cell when known, and the versions that make re-runs idempotent.
/// </summary>
public sealed record PredictionRow
{
    /// <summary>Store-relative tile ref; the row's key.</summary>
    public required string Path { get; init; }

    public LandCover? Label { get; init; }

    /// <summary>Six probabilities in <see cref="LabelScheme.Classes"/> order; null when the tile failed.</summary>
    public IReadOnlyList<float>? Probabilities { get; init; }

    public LandCover? Truth { get; init; }

    public int? Row { get; init; }

    public int? Col { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>The tile's content version when it was listed (blob ETag, or size+mtime locally).</summary>
    public required string SourceVersion { get; init; }

    public DateTimeOffset ScoredAt { get; init; }

    /// <summary>Why the tile could not be scored; null when it was.</summary>
    public string? Error { get; init; }

    public bool Resized { get; init; }

    [JsonIgnore]
    public string Id => Stores.TileRefs.IdOf(Path);

    [JsonIgnore]
    public LandGroup? Group => Label is { } label ? LabelScheme.GroupOf(label) : null;

    [JsonIgnore]
    public bool Succeeded => Error is null && Label is not null;

    /// <summary>True when this row can stand for a fresh score of the same bytes with the same model.</summary>
    public bool IsCurrent(string sourceVersion, string modelVersion) =>
        Succeeded
        && string.Equals(SourceVersion, sourceVersion, StringComparison.Ordinal)
        && string.Equals(ModelVersion, modelVersion, StringComparison.Ordinal);

    public TileResult ToTileResult() => new(Path, Id, Label, Truth, Probabilities, Error, Row, Col, Lat, Lon);
}
