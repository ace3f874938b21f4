using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using LandUse.Analysis.Summaries;
using LandUse.Geo.GeoJson;
using LandUse.Pipeline.Artifacts;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;
using NetTopologySuite.Features;

namespace LandUse.Integration;

/// <summary>The results container on Azurite: artifacts stream up in staged blocks, commit whole, and a run's GeoJSON lands beside its summary.</summary>
public sealed class BlobArtifactSinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_large_artifact_streams_in_blocks_and_a_failed_write_leaves_the_previous_blob_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var container = new BlobContainerClient(azurite.ConnectionString, "results-" + Guid.NewGuid().ToString("N")[..8]);
        var sink = new BlobArtifactSink(container, "runs/big");
        var content = new byte[(StagedBlockStream.BlockSize * 2) + 12345];
        new Random(7).NextBytes(content);

        await sink.WriteAsync("big.bin", async stream =>
        {
            for (var at = 0; at < content.Length; at += 100_000)
            {
                await stream.WriteAsync(content.AsMemory(at, Math.Min(100_000, content.Length - at)), ct);
            }
        }, ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync("big.bin", async stream =>
        {
            await stream.WriteAsync(new byte[StagedBlockStream.BlockSize + 1], ct);
            throw new InvalidOperationException("the writer failed half-way");
        }, ct));

        var blob = container.GetBlockBlobClient("runs/big/big.bin");
        Assert.Equal(content, (await blob.DownloadContentAsync(ct)).Value.Content.ToArray());
        Assert.Equal(3, (await blob.GetBlockListAsync(BlockListTypes.Committed, cancellationToken: ct)).Value.CommittedBlocks.Count());
    }

    [Fact]
    public async Task A_run_with_coordinates_gets_predictions_geojson_in_the_results_container()
    {
        var ct = TestContext.Current.CancellationToken;
        var container = new BlobContainerClient(azurite.ConnectionString, "results-" + Guid.NewGuid().ToString("N")[..8]);
        var rows = Enumerable.Range(0, 3000)
            .Select(i => new PredictionRow($"2016/r{i / 60:0000}_c{i % 60:0000}.png", LandCover.Forest, [0, 1, 0, 0, 0, 0], null)
            {
                Row = i / 60, Col = i % 60, Lat = 40.6 - (i / 60 * 0.002), Lon = -77.4 + (i % 60 * 0.0027), ModelVersion = "m", SourceVersion = "v",
            })
            .ToList();
        var summary = RunSummaryBuilder.Build(new RunTotals { RunId = "geo", Listed = rows.Count, Counts = TileCounts.FromRows(rows, 0) });

        var written = await RunArtifactWriter.WriteAsync(new BlobArtifactSink(container, "runs/geo"), rows.ToAsyncEnumerable(), summary, ct);

        Assert.Null(written.Notes);
        var json = (await container.GetBlobClient("runs/geo/predictions.geojson").DownloadContentAsync(ct)).Value.Content.ToString();
        var features = JsonSerializer.Deserialize<FeatureCollection>(json, FeatureCollectionWriter.ReadOptions)!;
        Assert.Equal(3000, features.Count);
        Assert.Equal("r0049_c0059", features[^1].Attributes["id"]);
        var csv = (await container.GetBlobClient("runs/geo/predictions.csv").DownloadContentAsync(ct)).Value.Content.ToString();
        Assert.StartsWith(PredictionCsv.HeaderLine + ",lat,lon\n", csv, StringComparison.Ordinal);
    }
}
