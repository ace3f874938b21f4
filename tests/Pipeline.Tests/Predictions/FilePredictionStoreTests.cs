using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Predictions;

public sealed class FilePredictionStoreTests
{
    [Fact]
    public async Task Pages_are_cut_into_batches_and_rows_come_back_once_each_in_listing_order()
    {
        using var folder = new TempFolder();
        var store = new FilePredictionStore(folder.Path);
        var ct = TestContext.Current.CancellationToken;
        await store.PrepareAsync("run1", ct);
        var tiles = Enumerable.Range(0, 10).Select(i => new TileEntry($"t{i}.png", "v", 10)).ToArray();
        await store.SavePageAsync("run1", 0, tiles, 4, ct);

        Assert.Equal(["t4.png", "t5.png", "t6.png", "t7.png"], (await store.LoadBatchAsync("run1", 0, 1, ct)).Select(t => t.Ref).ToArray());
        Assert.Equal(["t8.png", "t9.png"], (await store.LoadBatchAsync("run1", 0, 2, ct)).Select(t => t.Ref).ToArray());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadBatchAsync("run1", 0, 3, ct));

        for (var batch = 2; batch >= 0; batch--)
        {
            var entries = await store.LoadBatchAsync("run1", 0, batch, ct);
            await store.WriteBatchAsync("run1", 0, batch, entries.Select(Row).ToArray(), ct);
        }

        // Writing a batch again (an activity retry) replaces it rather than adding rows.
        await store.WriteBatchAsync("run1", 0, 1, (await store.LoadBatchAsync("run1", 0, 1, ct)).Select(Row).ToArray(), ct);
        var rows = new List<PredictionRow>();
        await foreach (var row in store.ReadRunAsync("run1", 1, ct))
        {
            rows.Add(row);
        }

        Assert.Equal(tiles.Select(t => t.Ref), rows.Select(r => r.Path));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder.Path, "run1"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Existing_rows_of_a_batch_are_found_for_resume_and_a_missing_batch_stops_the_merge()
    {
        using var folder = new TempFolder();
        var store = new FilePredictionStore(folder.Path);
        var ct = TestContext.Current.CancellationToken;
        var tiles = Enumerable.Range(0, 4).Select(i => new TileEntry($"t{i}.png", "v", 10)).ToArray();
        await store.SavePageAsync("run2", 0, tiles, 2, ct);
        await store.WriteBatchAsync("run2", 0, 0, tiles.Take(2).Select(Row).ToArray(), ct);

        var found = await store.FindExistingAsync("run2", 0, 0, tiles.Take(2).ToArray(), ct);
        var none = await store.FindExistingAsync("run2", 0, 1, tiles.Skip(2).ToArray(), ct);

        Assert.Equal(2, found.Count);
        Assert.True(found["t0.png"].IsCurrent("v", "m1"));
        Assert.False(found["t0.png"].IsCurrent("v2", "m1"));
        Assert.False(found["t0.png"].IsCurrent("v", "m2"));
        Assert.Empty(none);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in store.ReadRunAsync("run2", 1, ct))
            {
                _ = unused;
            }
        });
    }

    private static PredictionRow Row(TileEntry tile) => new(tile.Ref, LandCover.Forest, [0.1f, 0.5f, 0.1f, 0.1f, 0.1f, 0.1f], null)
    {
        ModelVersion = "m1",
        SourceVersion = tile.Version,
        ScoredAt = DateTimeOffset.UnixEpoch,
    };
}
