using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Serialization;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>
/// One run id, one driver: a second `landuse run` of an id that is running is refused naming the holder (local lock
/// file, and the lease row of a Table run), the first finishes with every tile exactly once; a lease left by a killed
/// process is taken over; a re-launched child whose parent is SIGKILLed stops gracefully and releases the lease.
/// </summary>
public sealed class RunLeaseTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private readonly TempFolder _runs = new("landuse-lease-runs");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task A_second_landuse_run_of_a_running_id_is_refused_naming_the_first_and_the_first_scores_every_tile_once()
    {
        const string runId = "lease-local";
        var lockFile = Path.Combine(_runs.Path, runId, FileRunLeases.LockFile);
        using var first = CliProcess.Start(Run(runId));
        var output = first.StandardOutput.ReadToEndAsync(Ct);
        var errors = first.StandardError.ReadToEndAsync(Ct);
        await WaitUntilAsync(() => File.Exists(lockFile) && PartCount(runId) >= 1, first, "the first run to hold its lease and write a batch");

        var (exit, secondOutput, secondError) = await CliProcess.RunAsync(Run(runId));

        Assert.Equal(2, exit);
        Assert.Empty(secondOutput.Trim());
        var line = Assert.Single(secondError.Trim().Split('\n'));
        Assert.Contains($"Run '{runId}' is already running: held by landuse process {first.Id} on host {Environment.MachineName}", line, StringComparison.Ordinal);
        await first.WaitForExitAsync(Ct);
        Assert.True(first.ExitCode == 0, await errors);
        var outcome = JsonSerializer.Deserialize<RunOutcome>((await output).Trim().Split('\n')[^1], PipelineJson.Options)!;
        RunAssertions.ExactlyOnce(outcome, TileSetFixture.TileCount, failed: 1);
        RunAssertions.PredictionsCsv(outcome.RunFolder!, TileSetFixture.TileCount);
        Assert.False(File.Exists(lockFile), "the finished run left its lock behind");

        // Released: the same id starts again at once and reuses every scored tile.
        var (againExit, again, againError) = await CliProcess.RunAsync(Run(runId));
        Assert.True(againExit == 0, againError);
        Assert.Equal(TileSetFixture.TileCount - 1, JsonSerializer.Deserialize<RunOutcome>(again.Trim().Split('\n')[^1], PipelineJson.Options)!.Skipped);
    }

    [Fact]
    public async Task Two_table_runs_of_one_id_at_once_give_one_run_with_one_row_per_tile()
    {
        var container = await UploadAsync("lease-tables", tiles.Files());
        var connections = Connections();
        var request = TableRequest("lease-tbl-" + Guid.NewGuid().ToString("N")[..6], container);
        var leases = new TableRunLeases(new TableRunLedger(new TableServiceClient(azurite.ConnectionString)));

        var first = LocalRun.ExecuteAsync(request, _runs.Path, connections, null, null, Ct);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await leases.GetAsync(request.RunId, Ct) is null)
        {
            Assert.False(first.IsCompleted, "the first run ended before its lease was seen");
            Assert.True(DateTime.UtcNow < deadline, "the first run took no lease within 3 minutes");
            await Task.Delay(50, Ct);
        }

        var refused = await Assert.ThrowsAsync<RunLeasedException>(() => LocalRun.ExecuteAsync(request, _runs.Path, connections, null, null, Ct));
        var outcome = await first;

        Assert.Contains($"Run '{request.RunId}' is already running: held by landuse process {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        RunAssertions.ExactlyOnce(outcome, TileSetFixture.TileCount, failed: 1);
        Assert.Equal(TileSetFixture.TileCount, await CountRowsAsync(request.RunId));
        Assert.Null(await leases.GetAsync(request.RunId, Ct));
    }

    [Fact]
    public async Task A_table_lease_left_by_a_killed_process_is_taken_over_and_the_run_completes()
    {
        var files = tiles.Files().Take(12).ToList();
        var container = await UploadAsync("lease-stale", files);
        var request = TableRequest("lease-stale-" + Guid.NewGuid().ToString("N")[..6], container);
        var leases = new TableRunLeases(new TableRunLedger(new TableServiceClient(azurite.ConnectionString)));
        using (var gone = Process.Start(new ProcessStartInfo("sleep", "0.1") { UseShellExecute = false })!)
        {
            var started = new DateTimeOffset(gone.StartTime.ToUniversalTime(), TimeSpan.Zero);
            await gone.WaitForExitAsync(Ct);
            var dead = RunLeaseHolder.ThisProcess(DateTimeOffset.UtcNow, TimeSpan.FromHours(1)) with { ProcessId = gone.Id, ProcessStartedAt = started };
            Assert.True((await leases.TryAcquireAsync(request.RunId, dead, _ => ValueTask.FromResult(false), Ct)).Acquired);
        }

        var outcome = await LocalRun.ExecuteAsync(request, _runs.Path, Connections(), null, null, Ct);

        RunAssertions.ExactlyOnce(outcome, files.Count, failed: files.Count(f => f.Ref == TileSetFixture.BrokenTile));
        Assert.Null(await leases.GetAsync(request.RunId, Ct));
    }

    [Fact]
    public async Task A_relaunched_child_whose_parent_is_sigkilled_stops_gracefully_and_releases_the_lease()
    {
        const string runId = "orphan";
        var lockFile = Path.Combine(_runs.Path, runId, FileRunLeases.LockFile);
        using var parent = CliProcess.Start(Run(runId), relaunch: true);
        parent.OutputDataReceived += (_, _) => { };
        parent.ErrorDataReceived += (_, _) => { };
        parent.BeginOutputReadLine();
        parent.BeginErrorReadLine();
        await WaitUntilAsync(() => File.Exists(lockFile) && PartCount(runId) >= 1, parent, "the child to hold the lease and write a batch");
        var child = JsonSerializer.Deserialize<RunLeaseHolder>(await File.ReadAllTextAsync(lockFile, Ct), PipelineJson.Options)!.ProcessId;
        Assert.NotEqual(parent.Id, child);

        parent.Kill(); // SIGKILL to the parent alone: no signal reaches the child.
        await parent.WaitForExitAsync(Ct);

        var clock = Stopwatch.StartNew();
        while (IsRunning(child))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"the child {child} still runs 90 s after its parent was killed");
            await Task.Delay(200, Ct);
        }

        TestContext.Current.SendDiagnosticMessage("The orphaned child exited {0:F1} s after its parent was killed", clock.Elapsed.TotalSeconds);
        Assert.False(File.Exists(lockFile), "the child did not release its lease");
        var record = await new FileRunLedger(_runs.Path).GetAsync(runId, Ct);
        Assert.Equal(RunStatus.Cancelled, record!.Status);
    }

    private string[] Run(string runId) =>
    [
        "run", tiles.Folder, "--run-id", runId, "--model", model.BundleDir, "--runs-dir", _runs.Path,
        "--batch-size", "2", "--parallel", "1", "--page-size", "64", "--json",
    ];

    private int PartCount(string runId)
    {
        var parts = Path.Combine(_runs.Path, runId, "parts");
        return Directory.Exists(parts) ? Directory.EnumerateFiles(parts, "*.jsonl").Count() : 0;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.False(process.HasExited, $"landuse exited ({(process.HasExited ? process.ExitCode : 0)}) before {what}");
            Assert.True(DateTime.UtcNow < deadline, $"waited 3 minutes for {what}");
            await Task.Delay(50, Ct);
        }
    }

    // A process that exited but whose new parent (init, or a container's first process) has not reaped it is a zombie.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private StorageConnections Connections()
    {
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        return connections;
    }

    private RunRequest TableRequest(string runId, string container) => new()
    {
        RunId = runId,
        Source = TileSourceSpec.Blob(container, "set", Connection),
        ModelBundle = model.BundleDir,
        Output = PredictionTarget.Tables(Connection),
        BatchSize = 4,
        MaxParallelBatches = 1,
        PageSize = 64,
    };

    private async Task<string> UploadAsync(string name, IEnumerable<(string Ref, string Path)> files)
    {
        var container = await TileContainers.UploadAsync(azurite, name, "set", files, Ct);
        return container.Name;
    }

    private async Task<int> CountRowsAsync(string runId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TablePredictionStore.PredictionsTable);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {runId + "-"} and PartitionKey lt {runId + "."}");
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: Ct))
        {
            rows++;
        }

        return rows;
    }
}
