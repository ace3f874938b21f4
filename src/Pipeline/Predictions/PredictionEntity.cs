using Azure.Data.Tables;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// Maps a <see cref="PredictionRow"/> to a <c>predictions</c> table entity and back: PartitionKey <c>&lt;runId&gt;-&lt;shard&gt;</c>,
/// RowKey the escaped tile ref, columns path, label, group, p_&lt;Class&gt; ×6, truth, row, col, lat, lon,
/// modelVersion, sourceVersion, scoredAt, error, resized.
/// </summary>
public static class PredictionEntity
{
    public static TableEntity ToEntity(string runId, PredictionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entity = new TableEntity(ShardKey.PartitionKey(runId, row.Path), TableKeys.Escape(row.Path))
        {
            ["path"] = row.Path,
            ["modelVersion"] = row.ModelVersion,
            ["sourceVersion"] = row.SourceVersion,
            ["scoredAt"] = row.ScoredAt,
            ["resized"] = row.Resized,
        };

        // Absent values are left out rather than stored as nulls.
        Set(entity, "label", row.Label?.ToString());
        Set(entity, "group", row.Group?.ToString());
        Set(entity, "truth", row.Truth?.ToString());
        Set(entity, "row", row.Row);
        Set(entity, "col", row.Col);
        Set(entity, "lat", row.Lat);
        Set(entity, "lon", row.Lon);
        Set(entity, "error", row.Error);
        if (row.Probabilities is { } p)
        {
            for (var c = 0; c < LabelScheme.ClassCount; c++)
            {
                entity["p_" + LabelScheme.ClassNames[c]] = (double)p[c];
            }
        }

        return entity;
    }

    public static PredictionRow FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        float[]? probabilities = null;
        if (entity.GetDouble("p_" + LabelScheme.ClassNames[0]) is not null)
        {
            probabilities = new float[LabelScheme.ClassCount];
            for (var c = 0; c < probabilities.Length; c++)
            {
                probabilities[c] = (float)(entity.GetDouble("p_" + LabelScheme.ClassNames[c]) ?? 0);
            }
        }

        return new PredictionRow(entity.GetString("path") ?? TableKeys.Unescape(entity.RowKey), Class(entity.GetString("label")), probabilities, entity.GetString("error"))
        {
            Truth = Class(entity.GetString("truth")),
            Row = entity.GetInt32("row"),
            Col = entity.GetInt32("col"),
            Lat = entity.GetDouble("lat"),
            Lon = entity.GetDouble("lon"),
            ModelVersion = entity.GetString("modelVersion") ?? "",
            SourceVersion = entity.GetString("sourceVersion") ?? "",
            ScoredAt = entity.GetDateTimeOffset("scoredAt") ?? default,
            Resized = entity.GetBoolean("resized") ?? false,
        };
    }

    private static void Set(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static LandCover? Class(string? name) => LabelScheme.TryParseClass(name, out var cover) ? cover : null;
}
