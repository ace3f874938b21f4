using System.Text.Json;
using LandUse.Analysis.Metrics;

namespace LandUse.Analysis.Summaries;

/// <summary>
/// Everything a user reads about one run: counts, development table, accuracy when truth is known, failures, timings,
/// warnings (e.g. a report that could not be drawn; a warning never fails a run whose tiles were scored) and notes.
/// Stored as runs/&lt;runId&gt;/summary.json and in the runs table; built from merged counts by <see cref="RunSummaryBuilder"/>.
/// </summary>
public sealed record RunSummary(
    string RunId,
    string Source,
    string? ModelVersion,
    string Status,
    RunCounts Counts,
    IReadOnlyDictionary<string, long> PredictedByClass,
    IReadOnlyDictionary<string, long> PredictedByGroup,
    DevelopmentSummary Development,
    long WithTruth,
    ConfusionTable? Confusion6,
    ConfusionTable? Confusion3,
    ClassificationMetrics? Metrics6,
    ClassificationMetrics? Metrics3,
    FailureSummary Failures,
    RunTimings Timings,
    IReadOnlyList<string>? Warnings = null)
{
    /// <summary>What was left out on purpose and why (e.g. no GeoJSON for tiles without coordinates): worth knowing, not a problem.</summary>
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>camelCase, indented, class names kept as dictionary keys.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SummaryJson.Options);

    /// <summary>Reads summary.json text; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static RunSummary FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RunSummary? summary;
        try
        {
            summary = JsonSerializer.Deserialize<RunSummary>(json, SummaryJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Run summary is not valid JSON: {ex.Message}", ex);
        }

        if (summary is null)
        {
            throw new InvalidDataException("Run summary JSON is null.");
        }

        summary.Validate();
        return summary;
    }

    private void Validate()
    {
        // Records deserialize missing members as null despite non-nullable annotations; name the first one missing.
        var missing = (RunId, Counts, PredictedByClass, PredictedByGroup, Development, Failures, Timings) switch
        {
            (null, _, _, _, _, _, _) => "runId",
            (_, null, _, _, _, _, _) => "counts",
            (_, _, null, _, _, _, _) => "predictedByClass",
            (_, _, _, null, _, _, _) => "predictedByGroup",
            (_, _, _, _, null, _, _) => "development",
            (_, _, _, _, _, null, _) => "failures",
            (_, _, _, _, _, _, null) => "timings",
            _ => null,
        };
        if (missing is not null)
        {
            throw new InvalidDataException($"Run summary JSON lacks '{missing}'.");
        }
    }
}
