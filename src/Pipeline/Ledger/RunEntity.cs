using System.Text.Json;
using Azure.Data.Tables;
using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Serialization;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// Maps a <see cref="RunRecord"/> to a <c>runs</c> table entity (PartitionKey "runs", RowKey the run id) and back: flat
/// columns status, listed, scored, failed, skipped, resized, pages, timings; the counts, request and summary as JSON
/// (split over 30K-character columns when long).
/// </summary>
public static class RunEntity
{
    public const string Partition = "runs";

    public static TableEntity ToEntity(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(Partition, RunIds.Validate(run.RunId))
        {
            ["status"] = run.Status.ToString(),
            ["listed"] = run.Listed,
            ["scored"] = run.Scored,
            ["failed"] = run.Failed,
            ["skipped"] = run.Skipped,
            ["resized"] = run.Resized,
            ["pages"] = run.Pages,
        };
        Set(entity, "source", run.Source);
        Set(entity, "modelVersion", run.ModelVersion);
        Set(entity, "startedAt", run.StartedAt);
        Set(entity, "finishedAt", run.FinishedAt);
        Set(entity, "seconds", run.Seconds);
        Set(entity, "tilesPerSecond", run.TilesPerSecond);
        Set(entity, "artifactsAt", run.ArtifactsAt);
        Set(entity, "error", run.Error is { Length: > ChunkedText.ChunkChars } e ? e[..ChunkedText.ChunkChars] : run.Error);
        ChunkedText.Write(entity, "counts", JsonSerializer.Serialize(run.Counts, PipelineJson.Options));
        if (run.Request is not null)
        {
            ChunkedText.Write(entity, "request", JsonSerializer.Serialize(run.Request, PipelineJson.Options));
        }

        if (run.Summary is not null)
        {
            ChunkedText.Write(entity, "summary", run.Summary.ToJson());
        }

        return entity;
    }

    public static RunRecord FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var counts = ChunkedText.Read(entity, "counts") is { } json
            ? JsonSerializer.Deserialize<TileCounts>(json, PipelineJson.Options) ?? TileCounts.Empty
            : new TileCounts
            {
                Scored = entity.GetInt64("scored") ?? 0,
                Failed = entity.GetInt64("failed") ?? 0,
                Skipped = entity.GetInt64("skipped") ?? 0,
                Resized = entity.GetInt64("resized") ?? 0,
            };
        return new RunRecord
        {
            RunId = entity.RowKey,
            Status = Enum.TryParse<RunStatus>(entity.GetString("status"), out var status) ? status : RunStatus.Running,
            Source = entity.GetString("source"),
            ModelVersion = entity.GetString("modelVersion"),
            Listed = entity.GetInt64("listed") ?? 0,
            Counts = counts,
            Pages = entity.GetInt32("pages") ?? 0,
            StartedAt = entity.GetDateTimeOffset("startedAt"),
            FinishedAt = entity.GetDateTimeOffset("finishedAt"),
            Seconds = entity.GetDouble("seconds"),
            TilesPerSecond = entity.GetDouble("tilesPerSecond"),
            ArtifactsAt = entity.GetString("artifactsAt"),
            Error = entity.GetString("error"),
            Request = ChunkedText.Read(entity, "request") is { } request ? JsonSerializer.Deserialize<RunRequest>(request, PipelineJson.Options) : null,
            Summary = ChunkedText.Read(entity, "summary") is { } summary ? RunSummary.FromJson(summary) : null,
        };
    }

    private static void Set(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
