using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Xunit;

namespace LandUse.TestSupport;

/// <summary>
/// A real Azurite (npm <c>azurite@3</c>) in memory on free loopback ports for the whole test assembly. Installs it into
/// <c>.tools/azurite</c> on first use (under a file lock), waits until blob and table endpoints answer, kills it at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;

    public const string AccountName = "devstoreaccount1";

    public string ConnectionString { get; private set; } = "";

    public int BlobPort { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var script = await EnsureInstalledAsync();
        BlobPort = FreePort();
        var queuePort = FreePort();
        var tablePort = FreePort();
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            script, "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
        await WaitReadyAsync();
    }

    /// <summary>The same endpoints with another account key: every request is refused (403), as with a mistyped key.</summary>
    public string ConnectionStringWithKey(string accountKey) => ConnectionString.Replace(AccountKey, accountKey, StringComparison.Ordinal);

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitReadyAsync()
    {
        var blobs = new BlobServiceClient(ConnectionString);
        var tables = new TableServiceClient(ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                await blobs.GetPropertiesAsync();
                await tables.GetPropertiesAsync();
                return;
            }
            catch (Exception e) when (DateTime.UtcNow < deadline && e is Azure.RequestFailedException or HttpRequestException or IOException or AggregateException)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var prefix = Path.Combine(RepoPaths.Tools, "azurite");
        var script = Path.Combine(prefix, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
        {
            return script;
        }

        using var gate = await FileLock.AcquireAsync(Path.Combine(RepoPaths.Tools, "azurite.lock"), TimeSpan.FromMinutes(6), CancellationToken.None);
        if (File.Exists(script))
        {
            return script;
        }

        Directory.CreateDirectory(prefix);
        var npm = new ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "install", "--no-save", "--no-audit", "--no-fund", "--prefix", prefix, "azurite@3" })
        {
            npm.ArgumentList.Add(arg);
        }

        using var install = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm to install Azurite.");
        var output = install.StandardOutput.ReadToEndAsync();
        var errors = install.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await install.WaitForExitAsync(timeout.Token);
        if (install.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm install azurite@3 failed ({install.ExitCode}): {await output}{await errors}");
        }

        return script;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
