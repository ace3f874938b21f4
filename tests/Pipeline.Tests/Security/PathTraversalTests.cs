using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LandUse.Pipeline.Artifacts;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Ledger.Leases;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Security;

/// <summary>
/// Every store refuses a name that would lead outside its root, folder, prefix or run before it touches storage: tile
/// stores (folder and blob) for tile refs, side files and prefixes; prediction stores, ledgers and leases (files and
/// tables) for run ids; artifact sinks (folder and blob) for artifact names. The blob and table clients point at a port
/// nothing listens on, so a store that reached storage would fail differently.
/// </summary>
public sealed class PathTraversalTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/devstoreaccount1");

    public static TheoryData<string> Refs => ["../secret.png", "a/../../secret.png", "/etc/passwd", @"..\secret.png"];

    public static TheoryData<string> RunIds => ["../x", "a/../b", "..", "a/b", @"a\b", "/abs"];

    public static TheoryData<string> BadArtifactNames => ["../report.html", "a/../../x.csv", "/etc/x", @"..\x", "", "./x", "a//b"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Refs))]
    public async Task Tile_stores_refuse_refs_that_leave_their_root(string tileRef)
    {
        using var folder = new TempFolder();
        var local = new LocalFolderTileStore(folder.Path);
        var blob = new BlobTileStore(new BlobContainerClient(new Uri(Nowhere + "/tiles")), "set");

        await Assert.ThrowsAsync<ArgumentException>(() => local.ReadAsync(tileRef, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => local.TryReadFileAsync(tileRef, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => blob.ReadAsync(tileRef, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => blob.TryReadFileAsync(tileRef, Ct));
        Assert.Throws<ArgumentException>(() => blob.TryGetUri(tileRef));
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("set/../../other")]
    public void A_blob_tile_store_refuses_a_prefix_that_leaves_its_container(string prefix) =>
        Assert.Throws<ArgumentException>(() => new BlobTileStore(new BlobContainerClient(new Uri(Nowhere + "/tiles")), prefix));

    [Theory]
    [MemberData(nameof(RunIds))]
    public async Task Prediction_stores_ledgers_and_leases_refuse_run_ids_that_leave_the_runs_folder(string runId)
    {
        using var runs = new TempFolder();
        var tables = new TableServiceClient(Nowhere, new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])));

        Assert.Throws<ArgumentException>(() => new FilePredictionStore(runs.Path).RunFolder(runId));
        await Assert.ThrowsAsync<ArgumentException>(() => new FilePredictionStore(runs.Path).PrepareAsync(runId, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => new TablePredictionStore(tables).PrepareAsync(runId, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => new FileRunLedger(runs.Path).GetAsync(runId, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => new TableRunLedger(tables).GetAsync(runId, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => new FileRunLeases(runs.Path).GetAsync(runId, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => new TableRunLeases(new TableRunLedger(tables)).GetAsync(runId, Ct));
    }

    [Theory]
    [MemberData(nameof(BadArtifactNames))]
    public async Task Artifact_sinks_refuse_names_that_leave_their_folder_or_prefix(string name)
    {
        using var folder = new TempFolder();
        var sinks = new IArtifactSink[] { new FolderArtifactSink(folder.Combine("run")), new BlobArtifactSink(new BlobContainerClient(new Uri(Nowhere + "/results")), "runs/r1") };

        foreach (var sink in sinks)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => sink.WriteAsync(name, s => s.WriteAsync("x"u8.ToArray()).AsTask(), Ct));
            Assert.Throws<ArgumentException>(() => sink.LocationOf(name));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("report.html")]
    [InlineData("a..b.geojson")]
    [InlineData("sub/summary.json")]
    public void Clean_artifact_names_pass(string name) => Assert.Equal(name, ArtifactNames.Checked(name));
}
