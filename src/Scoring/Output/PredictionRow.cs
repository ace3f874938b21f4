using System.Text.Json.Serialization;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Output;

/// <summary>
/// One tile's prediction, the one row type of every writer and reader: a line of a predictions CSV (path, label, six
/// probabilities or the error) and a stored row of a run (also the truth and grid cell when known, and the versions
/// that make re-runs idempotent).
/// </summary>
public sealed record PredictionRow(string Path, LandCover? Label, IReadOnlyList<float>? Probabilities, string? Error)
{
    /// <summary>The tile was not the model's input size and was resized to it.</summary>
    public bool Resized { get; init; }

    public LandCover? Truth { get; init; }

    public int? Row { get; init; }

    public int? Col { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    /// <summary>The model version that scored the tile ("" when unknown, as in a plain CSV).</summary>
    public string ModelVersion { get; init; } = "";

    /// <summary>The tile's content version when it was listed (blob ETag, or size+mtime locally).</summary>
    public string SourceVersion { get; init; } = "";

    public DateTimeOffset ScoredAt { get; init; }

    [JsonIgnore]
    public string Id => TileIds.Of(Path);

    [JsonIgnore]
    public LandGroup? Group => Label is { } label ? LabelScheme.GroupOf(label) : null;

    [JsonIgnore]
    public bool Succeeded => Error is null && Label is not null;

    /// <summary>True when this row can stand for a fresh score of the same bytes with the same model.</summary>
    public bool IsCurrent(string sourceVersion, string modelVersion) =>
        Succeeded
        && string.Equals(SourceVersion, sourceVersion, StringComparison.Ordinal)
        && string.Equals(ModelVersion, modelVersion, StringComparison.Ordinal);

    /// <summary>The row for a scorer's prediction under the given relative path.</summary>
    public static PredictionRow From(string path, TilePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new PredictionRow(path, prediction.Succeeded ? prediction.Label : null, prediction.Succeeded ? prediction.Probabilities : null, prediction.Succeeded ? null : prediction.Error ?? "no label")
        {
            Resized = prediction.Resized,
        };
    }
}
