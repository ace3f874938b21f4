using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LandUse.Pipeline.Serialization;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>
/// Leases of Table-backed runs: a row in the ledger's <c>runs</c> table (PartitionKey <c>lease</c>, RowKey the run id)
/// holding the holder as JSON. Every change is conditional: add (fails if the row exists) or replace/delete with the
/// ETag just read (fails if anyone changed it since), so of two processes racing for a lease exactly one wins.
/// </summary>
public sealed class TableRunLeases(TableRunLedger ledger) : IRunLeases
{
    public const string Partition = "lease";
    private const int Attempts = 8;

    private TableClient Table => ledger.Table;

    public async Task<RunLeaseHolder?> GetAsync(string runId, CancellationToken cancellationToken) =>
        (await ReadAsync(runId, cancellationToken).ConfigureAwait(false)).Holder;

    public async Task<LeaseAttempt> TryAcquireAsync(string runId, RunLeaseHolder candidate, Func<RunLeaseHolder, ValueTask<bool>> isStale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(isStale);
        await ledger.EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(runId, cancellationToken).ConfigureAwait(false);
            try
            {
                if (etag is not { } version)
                {
                    await Table.AddEntityAsync(Entity(runId, candidate), cancellationToken).ConfigureAwait(false);
                    return LeaseAttempt.Taken(candidate, null);
                }

                if (current is not null && current.Owner != candidate.Owner && !await isStale(current).ConfigureAwait(false))
                {
                    return LeaseAttempt.Refused(current);
                }

                await Table.UpdateEntityAsync(Entity(runId, candidate), version, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return LeaseAttempt.Taken(candidate, current?.Owner == candidate.Owner ? null : current);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404 && attempt < Attempts)
            {
                // Someone added, took over or released it between our read and write: read again and decide again.
            }
        }
    }

    public async Task<bool> RenewAsync(string runId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(runId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Owner != owner || etag is not { } version)
            {
                return false;
            }

            try
            {
                await Table.UpdateEntityAsync(Entity(runId, current with { ExpiresAt = expiresAt }), version, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404 && attempt < Attempts)
            {
            }
        }
    }

    public async Task<bool> ReleaseAsync(string runId, string owner, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync(runId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Owner != owner || etag is not { } version)
            {
                return false;
            }

            try
            {
                await Table.DeleteEntityAsync(Partition, RunIds.Validate(runId), version, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 && attempt < Attempts)
            {
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
        }
    }

    private static TableEntity Entity(string runId, RunLeaseHolder holder) =>
        new(Partition, RunIds.Validate(runId)) { ["holder"] = JsonSerializer.Serialize(holder, PipelineJson.Options) };

    private async Task<(RunLeaseHolder? Holder, ETag? ETag)> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RunIds.Validate(runId), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!response.HasValue || response.Value is not { } entity)
            {
                return (null, null);
            }

            RunLeaseHolder? holder;
            try
            {
                holder = entity.GetString("holder") is { } json ? JsonSerializer.Deserialize<RunLeaseHolder>(json, PipelineJson.Options) : null;
            }
            catch (JsonException)
            {
                holder = null; // An unreadable row is no holder: it can be replaced (still conditionally).
            }

            return (holder, entity.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, null); // No table yet.
        }
    }
}
