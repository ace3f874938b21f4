using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Serialization;

namespace LandUse.Pipeline.Ledger;

/// <summary>
/// The ledger in Table Storage: table <c>runs</c>, one row per run in partition "runs" (see <see cref="RunEntity"/>) and
/// its live progress in partition "progress" under the same row key. The table is created on first write.
/// </summary>
public sealed class TableRunLedger : IRunLedger
{
    public const string TableName = "runs";
    public const string ProgressPartition = "progress";

    private readonly TableClient _table;
    private readonly Lock _gate = new();
    private Task? _created;

    public TableRunLedger(TableServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(TableName);
    }

    public string Description => _table.Uri.ToString();

    public TableClient Table => _table;

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(RunEntity.Partition, RunIds.Validate(runId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? RunEntity.FromEntity(entity) : null;
    }

    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(RunEntity.ToEntity(run), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<RunRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new List<RunRecord>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == RunEntity.Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(RunEntity.FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No run was ever recorded in this account: the table does not exist yet.
        }

        foreach (var row in rows.OrderBy(r => r.RunId, StringComparer.Ordinal))
        {
            yield return row;
        }
    }

    public async Task<RunProgress?> GetProgressAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(ProgressPartition, RunIds.Validate(runId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value?.GetString("progress") is { } json
            ? JsonSerializer.Deserialize<RunProgress>(json, PipelineJson.Options)
            : null;
    }

    public async Task SaveProgressAsync(string runId, RunProgress progress, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(ProgressPartition, RunIds.Validate(runId)) { ["progress"] = JsonSerializer.Serialize(progress, PipelineJson.Options) };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string runId, CancellationToken cancellationToken)
    {
        var existed = await DeleteEntityAsync(RunEntity.Partition, runId, cancellationToken).ConfigureAwait(false);
        await DeleteEntityAsync(ProgressPartition, runId, cancellationToken).ConfigureAwait(false);
        return existed;
    }

    private async Task<bool> DeleteEntityAsync(string partition, string runId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.DeleteEntityAsync(partition, RunIds.Validate(runId), ETag.All, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    internal Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            // A failed creation is not kept: the next call tries again.
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = _table.CreateIfNotExistsAsync(CancellationToken.None);
            }

            created = _created;
        }

        return created.WaitAsync(cancellationToken);
    }
}
