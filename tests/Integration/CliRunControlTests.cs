using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Serialization;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>
/// `landuse run` and `landuse runs` as a user drives them, on Azurite tables: the status of a running run from another
/// process, Ctrl+C (SIGINT to the re-launching parent) stopping it gracefully, the same id finishing every tile once,
/// and the report in the results container. Storage that cannot work fails at once with one line.
/// </summary>
public sealed class CliRunControlTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private readonly TempFolder _runs = new("landuse-cli-runs");

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task Runs_status_shows_a_running_runs_progress_from_another_process_and_after_sigint_the_same_id_scores_every_tile_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var runId = "cli-" + Guid.NewGuid().ToString("N")[..6];
        string[] Run() =>
        [
            "run", tiles.Folder, "--run-id", runId, "--model", model.BundleDir, "--runs-dir", _runs.Path, "--tables", azurite.ConnectionString,
            "--batch-size", "2", "--parallel", "1", "--page-size", "64",
        ];

        using (var first = CliProcess.Start(Run(), relaunch: true))
        {
            var stderr = new List<string>();
            first.ErrorDataReceived += (_, e) => { lock (stderr) { if (e.Data is not null) { stderr.Add(e.Data); } } };
            first.BeginErrorReadLine();
            var stdout = first.StandardOutput.ReadToEndAsync(ct);

            // Another process reads the ledger while the run scores: Running, with tiles done and the running accuracy.
            var clock = Stopwatch.StartNew();
            JsonElement running;
            while (true)
            {
                Assert.False(first.HasExited, $"landuse run ended (exit {(first.HasExited ? first.ExitCode : 0)}) before its progress was seen: {string.Join('\n', stderr)}");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), "No progress was recorded in the ledger within 4 minutes.");
                var (exit, output, _) = await CliProcess.RunAsync("runs", "status", runId, "--tables", azurite.ConnectionString, "--json");
                if (exit == 0)
                {
                    using var json = JsonDocument.Parse(output);
                    if (json.RootElement.GetProperty("status").GetString() == "Running"
                        && json.RootElement.TryGetProperty("progress", out var p) && p.GetProperty("counts").GetProperty("scored").GetInt64() >= 8)
                    {
                        running = json.RootElement.Clone();
                        break;
                    }
                }

                await Task.Delay(500, ct);
            }

            var progress = running.GetProperty("progress");
            Assert.InRange(progress.GetProperty("listed").GetInt64(), 1, TileSetFixture.TileCount);
            Assert.Equal(JsonValueKind.Number, progress.GetProperty("accuracy6").ValueKind);
            var (_, text, _) = await CliProcess.RunAsync("runs", "status", runId, "--tables", azurite.ConnectionString);
            Assert.Contains($"Run {runId}: Running", text, StringComparison.Ordinal);
            Assert.Contains("accuracy 6-class", text, StringComparison.Ordinal);

            // Ctrl+C: the parent forwards it, the child lets in-flight batches finish, records Cancelled and exits.
            await CliProcess.InterruptAsync(first);
            await first.WaitForExitAsync(ct);
            var outcome = await stdout;
            Assert.True(first.ExitCode == 130, $"landuse run exited {first.ExitCode} after SIGINT: {outcome}\n{string.Join('\n', stderr)}");
            Assert.Contains($"Run {runId} Cancelled", outcome, StringComparison.Ordinal);
        }

        var (cancelledExit, cancelled, _) = await CliProcess.RunAsync("runs", "status", runId, "--tables", azurite.ConnectionString, "--json");
        Assert.Equal(0, cancelledExit);
        using (var json = JsonDocument.Parse(cancelled))
        {
            Assert.Equal("Cancelled", json.RootElement.GetProperty("status").GetString());
            var done = json.RootElement.GetProperty("ledger").GetProperty("scored").GetInt64() + json.RootElement.GetProperty("ledger").GetProperty("failed").GetInt64();
            Assert.InRange(done, 8, TileSetFixture.TileCount - 1);
        }

        // The same run id resumes and ends with every tile exactly once, reusing what the stopped run wrote.
        var (exitAgain, again, errorAgain) = await CliProcess.RunAsync([.. Run(), "--json"]);
        Assert.True(exitAgain == 0, errorAgain);
        var resumed = JsonSerializer.Deserialize<RunOutcome>(again.Trim().Split('\n')[^1], PipelineJson.Options)!;
        RunAssertions.ExactlyOnce(resumed, TileSetFixture.TileCount, failed: 1);
        Assert.True(resumed.Skipped >= 8, $"only {resumed.Skipped} tiles were reused after the stop");
        Assert.Equal(RunStatus.Completed, resumed.Status);
        RunAssertions.PredictionsCsv(resumed.RunFolder!, TileSetFixture.TileCount);

        var results = new BlobContainerClient(azurite.ConnectionString, "results");
        foreach (var name in new[] { "report.html", "summary.json", "predictions.csv" })
        {
            Assert.True(await results.GetBlobClient($"runs/{runId}/{name}").ExistsAsync(ct), $"results/runs/{runId}/{name} is missing");
        }

        var (listExit, list, _) = await CliProcess.RunAsync("runs", "list", "--tables", azurite.ConnectionString, "--json");
        Assert.Equal(0, listExit);
        Assert.Contains(JsonDocument.Parse(list).RootElement.EnumerateArray(), r => r.GetProperty("runId").GetString() == runId && r.GetProperty("status").GetString() == "Completed");

        var (purgeExit, purged, purgeError) = await CliProcess.RunAsync("runs", "purge", runId, "--predictions", "--tables", azurite.ConnectionString, "--runs-dir", _runs.Path);
        Assert.True(purgeExit == 0, purgeError);
        Assert.Contains($"{TileSetFixture.TileCount} prediction rows", purged, StringComparison.Ordinal);
        Assert.False(await results.GetBlobClient($"runs/{runId}/report.html").ExistsAsync(ct));
        var (goneExit, _, gone) = await CliProcess.RunAsync("runs", "status", runId, "--tables", azurite.ConnectionString);
        Assert.Equal(2, goneExit);
        Assert.Contains($"No run '{runId}'", gone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_account_key_fails_at_once_with_one_line_naming_the_account_and_the_fix()
    {
        var wrong = azurite.ConnectionStringWithKey(Convert.ToBase64String(new byte[64]));

        var (exit, output, error) = await CliProcess.RunAsync(
            "run", "tiles/2016", "--connection", wrong, "--tables", wrong, "--model", model.BundleDir, "--runs-dir", _runs.Path);
        var (statusExit, _, statusError) = await CliProcess.RunAsync("runs", "list", "--tables", wrong);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("Run ", output, StringComparison.Ordinal);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains($"'{AzuriteFixture.AccountName}'", line, StringComparison.Ordinal);
        Assert.Contains("account key", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", line, StringComparison.Ordinal);
        Assert.Equal(2, statusExit);
        Assert.Contains("table 'runs'", Assert.Single(statusError.Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_container_fails_at_once_with_one_line_naming_it()
    {
        var (exit, _, error) = await CliProcess.RunAsync(
            "run", "no-such-container/2016", "--connection", azurite.ConnectionString, "--model", model.BundleDir, "--runs-dir", _runs.Path);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"Container 'no-such-container' does not exist in storage account '{AzuriteFixture.AccountName}': create it and upload the tiles, or check the container name.",
            Assert.Single(error.Trim().Split('\n')));
    }
}
