using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// Table Storage: <c>predictions</c> (one row per tile ref, PartitionKey <c>&lt;runId&gt;-&lt;shard&gt;</c>) and
/// <c>runpages</c> (page manifests, one row per batch); the ledger's <c>runs</c> table is <see cref="TableRunLedger"/>'s. Writes are upserts grouped by partition into
/// transactions of at most 100, because Azure rejects cross-partition transactions even where Azurite accepts them.
/// </summary>
public sealed class TablePredictionStore : IPredictionStore
{
    public const string PredictionsTable = "predictions";
    public const string PagesTable = "runpages";
    public const int MaxTransaction = 100;

    private readonly TableServiceClient _service;
    private readonly Lock _gate = new();
    private Task? _created;

    public TablePredictionStore(TableServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        Predictions = service.GetTableClient(PredictionsTable);
        Pages = service.GetTableClient(PagesTable);
    }

    public string Description => _service.Uri.ToString();

    public TableClient Predictions { get; }

    public TableClient Pages { get; }

    public string? RunFolder(string runId) => null;

    public async Task PrepareAsync(string runId, CancellationToken cancellationToken)
    {
        RunIds.Validate(runId);
        Task created;
        lock (_gate)
        {
            // A failed creation is not kept: the next call (or the activity's retry) tries again.
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateTablesAsync();
            }

            created = _created;
        }

        await created.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SavePageAsync(string runId, int page, IReadOnlyList<TileEntry> tiles, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var manifest = new PageManifest(page, batchSize, tiles);
        var partition = PagePartition(runId, page);
        var actions = new List<TableTransactionAction>(manifest.BatchCount);
        for (var batch = 0; batch < manifest.BatchCount; batch++)
        {
            var entity = new TableEntity(partition, BatchKey(batch)) { ["page"] = page, ["batch"] = batch, ["tiles"] = manifest.Batch(batch).Count };
            ChunkedText.Write(entity, "entries", JsonSerializer.Serialize(manifest.Batch(batch), PipelineJson.Options));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        foreach (var chunk in actions.Chunk(MaxTransaction))
        {
            await Pages.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TileEntry>> LoadBatchAsync(string runId, int page, int batch, CancellationToken cancellationToken)
    {
        var response = await Pages.GetEntityIfExistsAsync<TableEntity>(PagePartition(runId, page), BatchKey(batch), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue || response.Value is null)
        {
            throw new InvalidOperationException($"Run '{runId}' has no manifest for page {page} batch {batch}.");
        }

        var json = ChunkedText.Read(response.Value, "entries") ?? "[]";
        return JsonSerializer.Deserialize<TileEntry[]>(json, PipelineJson.Options) ?? [];
    }

    public async Task<IReadOnlyDictionary<string, PredictionRow>> FindExistingAsync(
        string runId, int page, int batch, IReadOnlyList<TileEntry> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var wanted = tiles.Select(t => t.Ref).ToHashSet(StringComparer.Ordinal);
        var queries = tiles
            .GroupBy(t => ShardKey.PartitionKey(runId, t.Ref), StringComparer.Ordinal)
            .Select(g => QueryAllAsync(Predictions, RangeFilter(g.Key, g.Select(t => TableKeys.Escape(t.Ref))), cancellationToken));
        var found = new Dictionary<string, PredictionRow>(StringComparer.Ordinal);
        foreach (var rows in await Task.WhenAll(queries).ConfigureAwait(false))
        {
            foreach (var entity in rows)
            {
                // A range can hold rows of other tiles of the run (their keys sort between the batch's): keep the batch's own.
                var row = PredictionEntity.FromEntity(entity);
                if (wanted.Contains(row.Path))
                {
                    found[row.Path] = row;
                }
            }
        }

        return found;
    }

    public async Task WriteBatchAsync(string runId, int page, int batch, IReadOnlyList<PredictionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var transactions = TransactionsOf(runId, rows);
        await Task.WhenAll(transactions.Select(t => Predictions.SubmitTransactionAsync(t, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Upserts grouped into single-partition transactions of at most <see cref="MaxTransaction"/> actions.</summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> TransactionsOf(string runId, IEnumerable<PredictionRow> rows) =>
        rows
            .Select(r => PredictionEntity.ToEntity(runId, r))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g
                .DistinctBy(e => e.RowKey, StringComparer.Ordinal)
                .Chunk(MaxTransaction)
                .Select(chunk => (IReadOnlyList<TableTransactionAction>)chunk
                    .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                    .ToArray()))
            .ToArray();

    /// <summary>
    /// The rows of the run's latest attempt only. An attempt writes every row of its tiles again (reused ones included)
    /// after it stored its first page manifest, so rows the service last wrote before that manifest belong to tiles an
    /// earlier attempt listed and this one did not (deleted from the source since): they stay in the table (a later
    /// attempt may list them again) but are not exported. Both times are the table service's own.
    /// </summary>
    public async IAsyncEnumerable<PredictionRow> ReadRunAsync(string runId, int pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = await AttemptStartAsync(runId, cancellationToken).ConfigureAwait(false);
        for (var shard = 0; shard < ShardKey.Count; shard++)
        {
            var partition = ShardKey.PartitionKey(runId, shard);
            var filter = since is { } start
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Timestamp ge {start}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var entity in Predictions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return PredictionEntity.FromEntity(entity);
            }
        }
    }

    /// <summary>When the service stored the run's page-0 manifest (the latest attempt's start); null for a run without pages (live runs).</summary>
    private async Task<DateTimeOffset?> AttemptStartAsync(string runId, CancellationToken cancellationToken)
    {
        DateTimeOffset? first = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PagePartition(runId, 0)}");
        await foreach (var entity in Pages.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Timestamp"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.Timestamp is { } written && (first is null || written < first))
            {
                first = written;
            }
        }

        return first;
    }

    public async Task<DeletedRows> DeleteRunAsync(string runId, CancellationToken cancellationToken)
    {
        RunIds.Validate(runId);
        var predictions = 0L;
        for (var shard = 0; shard < ShardKey.Count; shard++)
        {
            var partition = ShardKey.PartitionKey(runId, shard);
            predictions += await DeleteWhereAsync(Predictions, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), _ => true, cancellationToken)
                .ConfigureAwait(false);
        }

        // Page manifests sit in partitions "<runId>-p<page:D6>"; the length check keeps a run named "<runId>-p1" out.
        var pagePrefix = runId + "-p";
        var pages = await DeleteWhereAsync(
            Pages,
            TableClient.CreateQueryFilter($"PartitionKey ge {pagePrefix + "000000"} and PartitionKey le {pagePrefix + "999999"}"),
            e => e.PartitionKey.Length == pagePrefix.Length + 6,
            cancellationToken).ConfigureAwait(false);
        return new DeletedRows(predictions, pages);
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
            foreach (var chunk in actions.Chunk(MaxTransaction))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                deleted += chunk.Length;
            }
        }

        return deleted;
    }

    private static string PagePartition(string runId, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{RunIds.Validate(runId)}-p{page:D6}");

    private static string BatchKey(int batch) => batch.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// One query per partition: the RowKey range from the smallest to the largest of the batch's keys, which the service
    /// answers by a range scan (OR-ed keys make it scan the whole partition). A batch is a run of consecutive refs in
    /// listing order, so its range in each partition holds few other rows; a single key is a point query.
    /// </summary>
    internal static string RangeFilter(string partitionKey, IEnumerable<string> rowKeys)
    {
        var keys = rowKeys.Order(StringComparer.Ordinal).ToArray();
        return keys.Length == 1
            ? $"PartitionKey eq {Quote(partitionKey)} and RowKey eq {Quote(keys[0])}"
            : $"PartitionKey eq {Quote(partitionKey)} and RowKey ge {Quote(keys[0])} and RowKey le {Quote(keys[^1])}";
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<List<TableEntity>> QueryAllAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity);
        }

        return rows;
    }

    private async Task CreateTablesAsync()
    {
        await Predictions.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Pages.CreateIfNotExistsAsync().ConfigureAwait(false);
    }
}
