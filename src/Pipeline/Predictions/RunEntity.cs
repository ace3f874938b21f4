using Azure.Data.Tables;

namespace LandUse.Pipeline.Predictions;

/// <summary>Maps a <see cref="RunRecord"/> to a <c>runs</c> table entity (PartitionKey "runs", RowKey the run id) and back.</summary>
public static class RunEntity
{
    public static TableEntity ToEntity(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(TablePredictionStore.RunsPartition, RunIds.Validate(run.RunId))
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
        Set(entity, "error", run.Error is { Length: > ChunkedText.ChunkChars } e ? e[..ChunkedText.ChunkChars] : run.Error);
        if (run.RequestJson is not null)
        {
            ChunkedText.Write(entity, "request", run.RequestJson);
        }

        if (run.SummaryJson is not null)
        {
            ChunkedText.Write(entity, "summary", run.SummaryJson);
        }

        return entity;
    }

    public static RunRecord FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new RunRecord
        {
            RunId = entity.RowKey,
            Status = Enum.TryParse<RunStatus>(entity.GetString("status"), out var status) ? status : RunStatus.Running,
            Source = entity.GetString("source"),
            ModelVersion = entity.GetString("modelVersion"),
            Listed = entity.GetInt64("listed") ?? 0,
            Scored = entity.GetInt64("scored") ?? 0,
            Failed = entity.GetInt64("failed") ?? 0,
            Skipped = entity.GetInt64("skipped") ?? 0,
            Resized = entity.GetInt64("resized") ?? 0,
            Pages = entity.GetInt32("pages") ?? 0,
            StartedAt = entity.GetDateTimeOffset("startedAt"),
            FinishedAt = entity.GetDateTimeOffset("finishedAt"),
            Seconds = entity.GetDouble("seconds"),
            TilesPerSecond = entity.GetDouble("tilesPerSecond"),
            Error = entity.GetString("error"),
            RequestJson = ChunkedText.Read(entity, "request"),
            SummaryJson = ChunkedText.Read(entity, "summary"),
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
