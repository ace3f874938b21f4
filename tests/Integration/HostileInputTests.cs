using Azure.Storage.Blobs;
using LandUse.Integration.Fixtures;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>
/// The hostile-input set (<see cref="HostileTiles"/>) through the whole pipeline with the real model, from a local folder
/// into a run folder and from an Azurite container into Azurite tables: every entry is listed and counted exactly once,
/// each bad one is an error row whose reason names its problem, every good one scores, and the run completes.
/// </summary>
public sealed class HostileInputTests(AzuriteFixture azurite, ModelFixture model) : IDisposable
{
    private const string Connection = "azurite";
    private readonly TempFolder _work = new("landuse-hostile");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Every_hostile_file_in_a_local_folder_is_one_row_bad_ones_name_their_problem_and_the_run_completes()
    {
        var folder = _work.Combine("tiles");
        var set = HostileTiles.Write(folder, withFileSystemEntries: true, outside: _work.Combine("outside"));
        var runs = _work.Combine("runs");
        var request = Request("hostile-local", TileSourceSpec.Local(folder), PredictionTarget.Files(runs));

        var outcome = await LocalRun.ExecuteAsync(request, runs, new StorageConnections(), null, null, Ct).WaitAsync(TimeSpan.FromMinutes(10), Ct);

        AssertRows(outcome, set);
    }

    [Fact]
    public async Task Every_hostile_blob_in_an_azurite_container_is_one_table_row_bad_ones_name_their_problem_and_the_run_completes()
    {
        var folder = _work.Combine("tiles");
        var set = HostileTiles.Write(folder, withFileSystemEntries: false, outside: _work.Combine("outside"));
        var container = new BlobContainerClient(azurite.ConnectionString, "hostile-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateAsync(cancellationToken: Ct);
        foreach (var tile in set)
        {
            await container.GetBlobClient("in/" + tile.Ref).UploadAsync(Path.Combine(folder, tile.Ref), Ct);
        }

        var connections = new StorageConnections();
        connections.Set(Connection, azurite.ConnectionString);
        var runs = _work.Combine("runs");
        var request = Request("hostile-" + Guid.NewGuid().ToString("N")[..6], TileSourceSpec.Blob(container.Name, "in", Connection), PredictionTarget.Tables(Connection));

        var outcome = await LocalRun.ExecuteAsync(request, runs, connections, null, null, Ct).WaitAsync(TimeSpan.FromMinutes(10), Ct);

        AssertRows(outcome, set);
    }

    private RunRequest Request(string runId, TileSourceSpec source, PredictionTarget output) => new()
    {
        RunId = runId,
        Source = source,
        ModelBundle = model.BundleDir,
        Output = output,
        BatchSize = 4,
        MaxParallelBatches = 2,
        PageSize = 8,
        Truth = Pipeline.Truth.TruthSource.None,
    };

    private static void AssertRows(RunOutcome outcome, IReadOnlyList<HostileTile> set)
    {
        var bad = set.Count(t => !t.Scores);
        RunAssertions.ExactlyOnce(outcome, set.Count, failed: bad);
        var rows = RunAssertions.PredictionsCsv(outcome.RunFolder!, set.Count).ToDictionary(r => r.Path, StringComparer.Ordinal);
        Assert.Equal(set.Select(t => t.Ref).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var tile in set)
        {
            var row = rows[tile.Ref];
            if (tile.Scores)
            {
                Assert.True(row.Succeeded, $"'{tile.Ref}' should score but got: {row.Error}");
            }
            else
            {
                Assert.False(row.Succeeded, $"'{tile.Ref}' should be an error row but scored");
                Assert.StartsWith(tile.Problem!, row.Error, StringComparison.Ordinal);
            }
        }

        // The runs have --truth None: grid cells still come from the name (index.csv), so maps are drawn.
        var index = File.ReadAllLines(Path.Combine(outcome.RunFolder!, "index.csv"));
        var header = index[0].Split(',');
        var cell = index.Single(line => line.StartsWith(HostileTiles.GridTile + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("2", "3"), (cell[Array.IndexOf(header, "row")], cell[Array.IndexOf(header, "col")]));
        Assert.True(File.Exists(Path.Combine(outcome.RunFolder!, "report.html")), "the run drew no report");
        TestContext.Current.SendDiagnosticMessage("{0} hostile inputs: {1} scored, {2} error rows", set.Count, set.Count - bad, bad);
    }
}
