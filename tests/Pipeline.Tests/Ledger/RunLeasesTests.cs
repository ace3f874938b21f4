using System.Diagnostics;
using Azure.Data.Tables;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Ledger;

/// <summary>
/// What both lease stores guarantee: one holder at a time, also when many callers race for it; a live holder refuses
/// others with its identity; a stale one (dead pid on this host, a reused pid, an expired lease) is taken over;
/// only the owner renews or releases.
/// </summary>
public abstract class RunLeasesContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IRunLeases Leases { get; }

    private static Func<RunLeaseHolder, ValueTask<bool>> Stale => h => ValueTask.FromResult(h.IsStale(DateTimeOffset.UtcNow));

    private static RunLeaseHolder Me() => RunLeaseHolder.ThisProcess(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task A_second_holder_is_refused_with_the_first_ones_identity_until_it_releases()
    {
        var (first, second) = (Me(), Me());

        var taken = await Leases.TryAcquireAsync("lease-a", first, Stale, Ct);
        var refused = await Leases.TryAcquireAsync("lease-a", second, Stale, Ct);
        var released = await Leases.ReleaseAsync("lease-a", first.Owner, Ct);
        var after = await Leases.TryAcquireAsync("lease-a", second, Stale, Ct);

        Assert.True(taken.Acquired);
        Assert.False(refused.Acquired);
        Assert.Equal(first.Owner, refused.Holder!.Owner);
        Assert.Contains($"process {Environment.ProcessId} on host {Environment.MachineName}", refused.Holder.Describe(), StringComparison.Ordinal);
        Assert.True(released);
        Assert.True(after.Acquired);
        Assert.Null(after.Previous);
    }

    [Fact]
    public async Task Of_many_callers_racing_for_a_lease_exactly_one_gets_it()
    {
        var candidates = Enumerable.Range(0, 24).Select(_ => Me()).ToArray();

        var attempts = await Task.WhenAll(candidates.Select(c => Task.Run(() => Leases.TryAcquireAsync("lease-race", c, Stale, Ct))));

        var winner = Assert.Single(attempts, a => a.Acquired);
        Assert.All(attempts.Where(a => !a.Acquired), a => Assert.Equal(winner.Holder!.Owner, a.Holder!.Owner));
        Assert.Equal(winner.Holder!.Owner, (await Leases.GetAsync("lease-race", Ct))!.Owner);
    }

    [Fact]
    public async Task The_lease_of_a_killed_process_on_this_host_is_taken_over()
    {
        var dead = await DeadProcessHolderAsync();
        await Leases.TryAcquireAsync("lease-dead", dead, _ => ValueTask.FromResult(false), Ct);
        var next = Me();

        var attempt = await Leases.TryAcquireAsync("lease-dead", next, Stale, Ct);

        Assert.True(attempt.Acquired);
        Assert.Equal(dead.Owner, attempt.Previous!.Owner);
        Assert.Equal(next.Owner, (await Leases.GetAsync("lease-dead", Ct))!.Owner);
        Assert.False(await Leases.RenewAsync("lease-dead", dead.Owner, DateTimeOffset.UtcNow.AddMinutes(5), Ct));
    }

    [Fact]
    public async Task A_pid_now_used_by_a_younger_process_does_not_keep_a_lease()
    {
        var reused = Me() with { ProcessStartedAt = DateTimeOffset.UtcNow.AddDays(-1) };
        await Leases.TryAcquireAsync("lease-reused", reused, _ => ValueTask.FromResult(false), Ct);

        Assert.True((await Leases.TryAcquireAsync("lease-reused", Me(), Stale, Ct)).Acquired);
    }

    [Fact]
    public async Task Another_hosts_lease_holds_until_it_expires_and_is_taken_over_after()
    {
        var elsewhere = Me() with { Host = "another-host", ProcessId = 1, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) };
        await Leases.TryAcquireAsync("lease-host", elsewhere, Stale, Ct);

        var early = await Leases.TryAcquireAsync("lease-host", Me(), Stale, Ct);
        var late = await Leases.TryAcquireAsync("lease-host", Me(), h => ValueTask.FromResult(h.IsStale(DateTimeOffset.UtcNow.AddMinutes(2))), Ct);

        Assert.False(early.Acquired);
        Assert.Contains("another-host", early.Holder!.Describe(), StringComparison.Ordinal);
        Assert.True(late.Acquired);
    }

    [Fact]
    public async Task Only_the_owner_renews_or_releases()
    {
        var holder = Me();
        await Leases.TryAcquireAsync("lease-owner", holder, Stale, Ct);
        var later = DateTimeOffset.UtcNow.AddMinutes(10);

        Assert.False(await Leases.RenewAsync("lease-owner", "someone-else", later, Ct));
        Assert.False(await Leases.ReleaseAsync("lease-owner", "someone-else", Ct));
        Assert.True(await Leases.RenewAsync("lease-owner", holder.Owner, later, Ct));
        Assert.Equal(later, (await Leases.GetAsync("lease-owner", Ct))!.ExpiresAt);
        Assert.True(await Leases.ReleaseAsync("lease-owner", holder.Owner, Ct));
        Assert.Null(await Leases.GetAsync("lease-owner", Ct));
    }

    private static async Task<RunLeaseHolder> DeadProcessHolderAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "0.2") { UseShellExecute = false })!;
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        await process.WaitForExitAsync(Ct);
        return Me() with { ProcessId = process.Id, ProcessStartedAt = started };
    }
}

public sealed class FileRunLeasesTests : RunLeasesContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IRunLeases Leases => new FileRunLeases(_folder.Path);

    [Fact]
    public async Task The_lock_file_names_the_holders_pid_host_and_start_time()
    {
        var holder = RunLeaseHolder.ThisProcess(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        await Leases.TryAcquireAsync("lease-file", holder, _ => ValueTask.FromResult(false), Ct);

        var text = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "lease-file", FileRunLeases.LockFile), Ct);

        Assert.Contains($"\"processId\": {Environment.ProcessId}", text, StringComparison.Ordinal);
        Assert.Contains($"\"host\": \"{Environment.MachineName}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"processStartedAt\"", text, StringComparison.Ordinal);
        Assert.Contains("\"expiresAt\"", text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteGroup.Name)]
public sealed class TableRunLeasesTests(AzuriteFixture azurite) : RunLeasesContract
{
    private readonly TableRunLeases _leases = new(new TableRunLedger(new TableServiceClient(azurite.ConnectionString)));

    protected override IRunLeases Leases => _leases;
}
