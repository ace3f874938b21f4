using Azure.Data.Tables;
using LandUse.Pipeline.Predictions;

namespace LandUse.Functions.Api;

/// <summary>What deleting a run's stored rows removed.</summary>
internal sealed record DeletedRows(long Predictions, long Pages, bool Ledger);

/// <summary>
/// Deletes everything a run left in its prediction store: prediction rows (every shard partition), page manifests
/// and the ledger row, or the run folder of a file store. <see cref="IPredictionStore"/> has no delete yet, so this
/// works on the Table store's public tables and Pipeline's own key functions.
/// </summary>
internal static class RunRowsPurger
{
    public static async Task<DeletedRows> DeleteAsync(IPredictionStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        RunIds.Validate(runId);
        switch (store)
        {
            case TablePredictionStore tables:
                var predictions = 0L;
                for (var shard = 0; shard < ShardKey.Count; shard++)
                {
                    var partition = ShardKey.PartitionKey(runId, shard);
                    predictions += await DeleteWhereAsync(tables.Predictions, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), _ => true, cancellationToken)
                        .ConfigureAwait(false);
                }

                // Page manifests sit in partitions "<runId>-p<page:D6>"; the length check keeps a run named "<runId>-p1" out.
                var pagePrefix = runId + "-p";
                var pages = await DeleteWhereAsync(
                    tables.Pages,
                    TableClient.CreateQueryFilter($"PartitionKey ge {pagePrefix + "000000"} and PartitionKey le {pagePrefix + "999999"}"),
                    e => e.PartitionKey.Length == pagePrefix.Length + 6,
                    cancellationToken).ConfigureAwait(false);
                var ledger = await DeleteEntityAsync(tables.Runs, TablePredictionStore.RunsPartition, runId, cancellationToken).ConfigureAwait(false);
                return new DeletedRows(predictions, pages, ledger);

            case { } other when other.RunFolder(runId) is { } folder:
                var existed = Directory.Exists(folder);
                var files = existed ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).LongCount() : 0;
                if (existed)
                {
                    Directory.Delete(folder, recursive: true);
                }

                return new DeletedRows(files, 0, existed);

            default:
                throw new NotSupportedException($"Deleting run rows is not supported for prediction store '{store.Description}'.");
        }
    }

    private static async Task<long> DeleteWhereAsync(TableClient table, string filter, Func<TableEntity, bool> keep, CancellationToken cancellationToken)
    {
        var byPartition = new Dictionary<string, List<TableTransactionAction>>(StringComparer.Ordinal);
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                .ConfigureAwait(false))
            {
                if (!keep(entity))
                {
                    continue;
                }

                if (!byPartition.TryGetValue(entity.PartitionKey, out var actions))
                {
                    byPartition[entity.PartitionKey] = actions = [];
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, Azure.ETag.All));
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0; // The table was never created: nothing to delete.
        }

        var deleted = 0L;
        foreach (var actions in byPartition.Values)
        {
            foreach (var chunk in actions.Chunk(TablePredictionStore.MaxTransaction))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                deleted += chunk.Length;
            }
        }

        return deleted;
    }

    private static async Task<bool> DeleteEntityAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
