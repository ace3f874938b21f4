using System.Diagnostics;
using System.Text.Json;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Serialization;

namespace LandUse.Integration;

/// <summary>
/// The built <c>landuse</c> CLI as a separate process, killed with SIGKILL once some batches are on disk, then run
/// again with the same run id: the second run takes over the killed run's stale lock, finishes with every tile exactly
/// once and reuses the finished batches.
/// </summary>
public sealed class KillAndResumeTests(ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private readonly string _runsDir = Path.Combine(Path.GetTempPath(), "landuse-runs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Run_killed_mid_way_and_started_again_ends_with_every_tile_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        const string runId = "kill-resume";
        var parts = Path.Combine(_runsDir, runId, "parts");

        using (var first = StartCli(runId))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (PartCount(parts) < 3)
            {
                await FailIfExitedAsync(first, ct);
                Assert.True(DateTime.UtcNow < deadline, "No batches were written within 3 minutes.");
                await Task.Delay(100, ct);
            }

            await FailIfExitedAsync(first, ct);
            first.Kill(); // SIGKILL on Unix: no cleanup, no flush.
            await first.WaitForExitAsync(ct);
            TestContext.Current.SendDiagnosticMessage("Killed landuse run after {0} batches were on disk", PartCount(parts));
        }

        var done = PartCount(parts);
        Assert.False(File.Exists(Path.Combine(_runsDir, runId, "summary.json")), "The first run finished before the kill.");
        var lockFile = Path.Combine(_runsDir, runId, Pipeline.Ledger.Leases.FileRunLeases.LockFile);
        Assert.True(File.Exists(lockFile), "The killed run left no lock: nothing to take over.");

        using var second = StartCli(runId);
        var stdout = await second.StandardOutput.ReadToEndAsync(ct);
        var stderr = await second.StandardError.ReadToEndAsync(ct);
        await second.WaitForExitAsync(ct);
        Assert.True(second.ExitCode == 0, $"landuse run exited {second.ExitCode}: {stderr}");
        var outcome = JsonSerializer.Deserialize<RunOutcome>(stdout.Trim().Split('\n')[^1], PipelineJson.Options)!;

        RunAssertions.ExactlyOnce(outcome, TileSetFixture.TileCount, failed: 1);
        Assert.True(outcome.Skipped >= ((done - 1) * 4) - 1, $"Expected the {done} finished batches to be reused, but only {outcome.Skipped} tiles were.");
        Assert.True(outcome.Skipped < TileSetFixture.TileCount - 1, "Everything was reused: the first run was not killed mid-way.");
        RunAssertions.PredictionsCsv(outcome.RunFolder!, TileSetFixture.TileCount);
        RunAssertions.Summary(outcome.RunFolder!, outcome);
        Assert.False(File.Exists(lockFile), "The resumed run took over the killed run's lock but did not release it.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_runsDir))
        {
            Directory.Delete(_runsDir, recursive: true);
        }
    }

    private static async Task FailIfExitedAsync(Process process, CancellationToken ct)
    {
        // Read the output only once the process is gone: reading it earlier would wait for the run to end.
        if (process.HasExited)
        {
            Assert.Fail($"The first run ended (exit {process.ExitCode}) before it could be killed: {await process.StandardError.ReadToEndAsync(ct)}");
        }
    }

    private static int PartCount(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.jsonl").Count() : 0;

    // DOTNET_PROCESSOR_COUNT is set so the CLI does not re-launch itself: the process we kill must be the one doing the work.
    private Process StartCli(string runId) => CliProcess.Start(
    [
        "run", tiles.Folder, "--run-id", runId, "--model", model.BundleDir, "--runs-dir", _runsDir,
        "--batch-size", "4", "--parallel", "1", "--page-size", "64", "--json",
    ]);
}
