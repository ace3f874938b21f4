using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using LandUse.Pipeline.Predictions;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Cli.Bench;

/// <summary>
/// Prediction rows per second written to Table Storage the way a run writes them (batches of 32, grouped into
/// single-partition transactions, four batches at once), against Azurite in memory: found under the repository's
/// <c>.tools/azurite</c> (where the tests install it), at $LANDUSE_AZURITE, or on PATH. Without it, the reason.
/// </summary>
internal static class TableSpeed
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task<(double? RowsPerSecond, string? Reason)> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        var azurite = Find();
        if (azurite is null)
        {
            return (null, "Azurite is not installed (looked in .tools/azurite of the repository, $LANDUSE_AZURITE and PATH); `dotnet test LandUse.sln` installs it");
        }

        var port = FreePort();
        var start = azurite.EndsWith(".js", StringComparison.Ordinal) ? new ProcessStartInfo("node") : new ProcessStartInfo(azurite);
        if (azurite.EndsWith(".js", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(azurite);
        }

        foreach (var arg in new[] { "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--blobPort", FreePort().ToString(CultureInfo.InvariantCulture),
                     "--queuePort", FreePort().ToString(CultureInfo.InvariantCulture), "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start);
        if (process is null)
        {
            return (null, $"Azurite ({azurite}) could not be started");
        }

        try
        {
            var service = new TableServiceClient(
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
            var store = new TablePredictionStore(service);
            if (!await ReadyAsync(store, process, ct).ConfigureAwait(false))
            {
                return (null, $"Azurite ({azurite}) did not answer within 30 s");
            }

            var rows = 0L;
            var next = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                while (watch.Elapsed < duration)
                {
                    var batch = Interlocked.Increment(ref next);
                    await store.WriteBatchAsync("bench", 0, batch, Rows(batch), ct).ConfigureAwait(false);
                    Interlocked.Add(ref rows, 32);
                }
            })).ConfigureAwait(false);
            return (rows / watch.Elapsed.TotalSeconds, null);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> ReadyAsync(TablePredictionStore store, Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await store.PrepareAsync("bench", ct).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or AggregateException)
            {
                await Task.Delay(250, ct).ConfigureAwait(false);
            }
        }

        return false;
    }

    private static PredictionRow[] Rows(int batch) => [.. Enumerable.Range(0, 32).Select(i =>
        new PredictionRow(string.Create(CultureInfo.InvariantCulture, $"bench/b{batch:D6}/r{i:D4}_c{batch % 1000:D4}.png"), LandCover.Developed, [0.02f, 0.02f, 0.02f, 0.02f, 0.02f, 0.9f], null)
        {
            ModelVersion = "bench",
            SourceVersion = "1-1",
            ScoredAt = DateTimeOffset.UnixEpoch,
        })];

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("LANDUSE_AZURITE") is { Length: > 0 } given && File.Exists(given))
        {
            return given;
        }

        return Under(Directory.GetCurrentDirectory()) ?? Under(AppContext.BaseDirectory)
            ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(p => Path.Combine(p, "azurite")).FirstOrDefault(File.Exists);
    }

    /// <summary>The tests' Azurite in <c>.tools/</c> of <paramref name="start"/> or a folder above it.</summary>
    private static string? Under(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
