using System.Text.Json;
using LandUse.Pipeline.IO;
using LandUse.Pipeline.Serialization;

namespace LandUse.Pipeline.Ledger.Leases;

/// <summary>
/// Leases of file-backed runs: <c>&lt;runsDir&gt;/&lt;runId&gt;/run.lock</c> holds the holder as JSON (owner, host, pid,
/// process start, expiry). Every change happens under an exclusive OS lock on a guard file beside it, which the kernel
/// drops when its process dies, so two processes never both take, renew or take over the same lease.
/// </summary>
public sealed class FileRunLeases(string runsDir) : IRunLeases
{
    public const string LockFile = "run.lock";
    private const string GuardFile = ".run.lock.guard";
    private static readonly TimeSpan GuardWait = TimeSpan.FromSeconds(15);

    private readonly string _runsDir = Path.GetFullPath(runsDir);

    public Task<RunLeaseHolder?> GetAsync(string runId, CancellationToken cancellationToken) => ReadAsync(runId, cancellationToken);

    public async Task<LeaseAttempt> TryAcquireAsync(string runId, RunLeaseHolder candidate, Func<RunLeaseHolder, ValueTask<bool>> isStale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(isStale);
        using var guard = await GuardAsync(runId, cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(runId, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Owner != candidate.Owner && !await isStale(current).ConfigureAwait(false))
        {
            return LeaseAttempt.Refused(current);
        }

        await WriteAsync(runId, candidate, cancellationToken).ConfigureAwait(false);
        return LeaseAttempt.Taken(candidate, current?.Owner == candidate.Owner ? null : current);
    }

    public async Task<bool> RenewAsync(string runId, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        using var guard = await GuardAsync(runId, cancellationToken).ConfigureAwait(false);
        if (await ReadAsync(runId, cancellationToken).ConfigureAwait(false) is not { } current || current.Owner != owner)
        {
            return false;
        }

        await WriteAsync(runId, current with { ExpiresAt = expiresAt }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> ReleaseAsync(string runId, string owner, CancellationToken cancellationToken)
    {
        if (!File.Exists(PathOf(runId)))
        {
            return false;
        }

        using var guard = await GuardAsync(runId, cancellationToken).ConfigureAwait(false);
        if (await ReadAsync(runId, cancellationToken).ConfigureAwait(false) is not { } current || current.Owner != owner)
        {
            return false;
        }

        File.Delete(PathOf(runId));
        return true;
    }

    private string Folder(string runId) => Path.Combine(_runsDir, RunIds.Validate(runId));

    private string PathOf(string runId) => Path.Combine(Folder(runId), LockFile);

    private async Task<RunLeaseHolder?> ReadAsync(string runId, CancellationToken cancellationToken)
    {
        var path = PathOf(runId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunLeaseHolder>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), PipelineJson.Options);
        }
        catch (JsonException)
        {
            // A lock file nobody could have written whole (AtomicFile replaces it) is not a holder: it can be taken.
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private Task WriteAsync(string runId, RunLeaseHolder holder, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(PathOf(runId), JsonSerializer.Serialize(holder, PipelineJson.Indented), cancellationToken);

    /// <summary>The exclusive OS lock (flock via FileShare.None) that serializes every change of the lease.</summary>
    private async Task<FileStream> GuardAsync(string runId, CancellationToken cancellationToken)
    {
        var folder = Folder(runId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, GuardFile);
        var deadline = DateTime.UtcNow + GuardWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
