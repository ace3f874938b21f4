using System.Collections.Concurrent;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;
using Microsoft.Extensions.Logging;

namespace LandUse.Integration;

/// <summary>
/// No connection string, account key or token appears in anything a run writes or logs: a Blob-to-Table run on Azurite
/// and a run with a wrong key, every log line at every level (the SDK's included) with exception text, every file of the
/// exported run folder, every blob of the results container and every entity of every table are searched.
/// </summary>
public sealed class SecretsTests(AzuriteFixture azurite, ModelFixture model, TileSetFixture tiles) : IDisposable
{
    private const string Connection = "azurite";
    private const string WrongKey = "d3Jvbmcta2V5LXRoYXQtaXMtbm90LXRoZS1henVyaXRlLW9uZS1hdC1hbGwtMTIzNDU2Nzg5MA==";
    private readonly TempFolder _runs = new("landuse-secrets");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _runs.Dispose();

    [Fact]
    public async Task Nothing_a_run_writes_or_logs_contains_the_connection_string_or_key()
    {
        var files = tiles.Files().Where((_, i) => i % 10 == 0).ToList();
        var container = await TileContainers.UploadAsync(azurite, "secrets", "", files, Ct);

        var log = new LogCapture();
        var engine = new EmbeddedEngineOptions { ConfigureLogging = logging => logging.AddProvider(log).AddFilter<LogCapture>(null, LogLevel.Trace) };
        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var request = new RunRequest
        {
            RunId = "secrets-" + Guid.NewGuid().ToString("N")[..6],
            Source = TileSourceSpec.Blob(container.Name, "", Connection),
            ModelBundle = model.BundleDir,
            Output = PredictionTarget.Tables(Connection),
            BatchSize = 8,
            PageSize = 16,
        };
        var outcome = await LocalRun.ExecuteAsync(request, _runs.Path, connections, null, engine, Ct);
        Assert.Equal(files.Count, outcome.Listed);

        // The same run with a mistyped key: refused, and the refusal must not echo the key either.
        var wrong = new StorageConnections();
        wrong.Set(Connection, azurite.ConnectionStringWithKey(WrongKey));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => LocalRun.ExecuteAsync(request with { RunId = request.RunId + "-k" }, _runs.Path, wrong, null, engine, Ct));

        var written = new List<(string Where, string Text)> { ("the wrong-key error", refused.ToString()) };
        written.AddRange(log.Lines.Select(l => ("log", l)));
        written.AddRange(Directory.EnumerateFiles(_runs.Path, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))));
        var results = new BlobContainerClient(azurite.ConnectionString, "results");
        await foreach (var blob in results.GetBlobsAsync(cancellationToken: Ct))
        {
            written.Add(("results/" + blob.Name, (await results.GetBlobClient(blob.Name).DownloadContentAsync(Ct)).Value.Content.ToString()));
        }

        var service = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in service.QueryAsync(cancellationToken: Ct))
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                written.Add(($"table {table.Name}", string.Join('\n', entity.Select(p => $"{p.Key}={p.Value}"))));
            }
        }

        Assert.Contains(written, w => w.Where == "log" && w.Text.Contains(request.RunId, StringComparison.Ordinal));
        Assert.Contains(written, w => w.Where.StartsWith("table ", StringComparison.Ordinal) && w.Text.Contains(request.RunId, StringComparison.Ordinal));
        Assert.Contains(written, w => w.Where.EndsWith("report.html", StringComparison.Ordinal));
        string[] secrets = [azurite.ConnectionString, AccountKeyOf(azurite.ConnectionString), WrongKey, "AccountKey=", "SharedAccessSignature", "sig=", "Bearer "];
        foreach (var (where, text) in written)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} contains '{secret[..Math.Min(12, secret.Length)]}…'");
            }
        }

        TestContext.Current.SendDiagnosticMessage("Searched {0} log lines and {1} written items for {2} secrets", log.Lines.Count, written.Count - log.Lines.Count, secrets.Length);
    }

    private static string AccountKeyOf(string connectionString) =>
        connectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];

    /// <summary>Every log line of every category at every level, with its exception.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public ConcurrentQueue<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Capture(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                if (exception is not null)
                {
                    line.Append('\n').Append(exception);
                }

                owner._lines.Enqueue(line.ToString());
            }
        }
    }
}
