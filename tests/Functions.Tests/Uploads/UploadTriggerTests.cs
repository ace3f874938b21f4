using Azure.Storage.Blobs;
using LandUse.Functions.Tests.Support;
using LandUse.Pipeline.Uploads;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Uploads;

[Collection(FunctionsAppGroup.Name)]
public sealed class UploadTriggerTests(FunctionsAppFixture app)
{
    private UploadedTileHandler Handler => app.Services.GetRequiredService<UploadedTileHandler>();

    private UploadBatcher Batcher => app.Services.GetRequiredService<UploadBatcher>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_upload_delivered_twice_leaves_one_prediction_row_and_an_overwrite_updates_it()
    {
        var blob = await UploadAsync("upl-twice", "2016/r1_c2.png", SyntheticTiles.Png(LandCover.Forest, 0));

        Assert.Equal(UploadOutcome.Batched, await Handler.HandleAsync(blob, Ct));
        Assert.Equal(UploadOutcome.Batched, await Handler.HandleAsync(blob, Ct));
        await Task.WhenAll(Handler.HandleAsync(blob, Ct), Handler.HandleAsync(blob, Ct)); // two events in one micro-batch

        var row = Assert.Single(await RowsAsync("upl-twice"));
        var etag = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag.ToString();
        Assert.Equal("2016/r1_c2.png", row.Path);
        Assert.Null(row.Error);
        Assert.NotNull(row.Label);
        Assert.Equal(etag, row.SourceVersion);
        Assert.Equal((1, 2), (row.Row, row.Col));
        var firstScoredAt = row.ScoredAt;

        await blob.UploadAsync(new BinaryData(SyntheticTiles.Png(LandCover.Developed, 1)), overwrite: true, Ct);
        await Handler.HandleAsync(blob, Ct);

        var updated = Assert.Single(await RowsAsync("upl-twice"));
        Assert.NotEqual(etag, updated.SourceVersion);
        Assert.True(updated.ScoredAt >= firstScoredAt);
    }

    [Fact]
    public async Task An_older_etag_delivered_after_a_newer_one_leaves_the_newest_contents_prediction()
    {
        var blob = await UploadAsync("upl-order", "r3_c4.png", SyntheticTiles.Png(LandCover.Forest, 2));
        var older = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value;
        await blob.UploadAsync(new BinaryData(SyntheticTiles.Png(LandCover.Developed, 3)), overwrite: true, Ct);
        var newer = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.ETag.ToString();

        // The newer event first, scored and written; then the older one, as a host that read the blob's properties
        // before the overwrite hands it on (its batch reads the newer bytes but would label them with the older ETag).
        await Handler.HandleAsync(blob, Ct);
        var newest = Assert.Single(await RowsAsync("upl-order"));
        await Batcher.SubmitAsync(new LiveTile("upl-order", new Pipeline.Stores.TileEntry("r3_c4.png", older.ETag.ToString(), older.ContentLength)), Ct);

        var row = Assert.Single(await RowsAsync("upl-order"));
        Assert.Equal(newer, row.SourceVersion);
        Assert.Equal(newest.Label, row.Label);
        Assert.Equal(newest.Probabilities, row.Probabilities);
    }

    [Fact]
    public async Task A_corrupt_upload_leaves_one_error_row_and_its_events_complete_without_retry()
    {
        var blob = await UploadAsync("upl-corrupt", "broken.png", "this is not a PNG"u8.ToArray());

        Assert.Equal(UploadOutcome.Batched, await Handler.HandleAsync(blob, Ct));
        Assert.Equal(UploadOutcome.Batched, await Handler.HandleAsync(blob, Ct));

        var row = Assert.Single(await RowsAsync("upl-corrupt"));
        Assert.Equal("broken.png", row.Path);
        Assert.False(string.IsNullOrWhiteSpace(row.Error));
        Assert.Null(row.Label);
    }

    [Fact]
    public async Task Uploads_that_are_not_tiles_or_are_already_gone_are_ignored()
    {
        var index = await UploadAsync("upl-other", "tiles.csv", "id,row,col\n"u8.ToArray());
        var gone = new BlobContainerClient(app.ConnectionString, "upl-other").GetBlobClient("deleted.png");

        Assert.Equal(UploadOutcome.NotATile, await Handler.HandleAsync(index, Ct));
        Assert.Equal(UploadOutcome.Gone, await Handler.HandleAsync(gone, Ct));
        Assert.Empty(await RowsAsync("upl-other"));
    }

    private async Task<BlobClient> UploadAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(app.ConnectionString, container);
        await client.CreateIfNotExistsAsync(cancellationToken: Ct);
        var blob = client.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true, Ct);
        return blob;
    }

    private async Task<List<PredictionRow>> RowsAsync(string container)
    {
        var rows = new List<PredictionRow>();
        var store = app.Predictions;
        await store.PrepareAsync(LiveRuns.RunIdFor(container), Ct);
        await foreach (var row in store.ReadRunAsync(LiveRuns.RunIdFor(container), 1, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
