using Azure.Data.Tables;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Stores;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;
using LandUse.TestSupport;

namespace LandUse.Integration;

/// <summary>Resume reads of Table Storage: one range query per partition, answered with exactly the batch's own rows.</summary>
public sealed class TableResumeReadTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Resume_read_of_a_batch_returns_its_written_rows_and_none_of_the_neighbours_its_ranges_cover()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new TablePredictionStore(new TableServiceClient(azurite.ConnectionString));
        var runId = "resume-" + Guid.NewGuid().ToString("N")[..6];
        await store.PrepareAsync(runId, ct);
        var refs = Enumerable.Range(0, 200).Select(i => $"county/r{i / 20:D2}/c{i % 20:D2}.png").ToArray();

        // Every tile of the run is written except every third one of the batch under test (tiles 64..95).
        var written = refs.Where((_, i) => i is < 64 or >= 96 || i % 3 != 0).ToArray();
        foreach (var (chunk, n) in written.Chunk(32).Select((c, n) => (c, n)))
        {
            await store.WriteBatchAsync(runId, 0, n, [.. chunk.Select(Row)], ct);
        }

        var batch = refs[64..96].Select(r => new TileEntry(r, "v1", 10)).ToArray();
        var found = await store.FindExistingAsync(runId, 0, 2, batch, ct);

        var expected = batch.Select(t => t.Ref).Where(written.Contains).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, found.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(found, kv => Assert.Equal(kv.Key, kv.Value.Path));
        Assert.Empty(await store.FindExistingAsync(runId, 0, 2, [new TileEntry("county/none.png", "v1", 1)], ct));
    }

    private static PredictionRow Row(string path) =>
        new(path, LandCover.Forest, [0.1f, 0.5f, 0.1f, 0.1f, 0.1f, 0.1f], null) { ModelVersion = "m", SourceVersion = "v1", ScoredAt = DateTimeOffset.UnixEpoch };
}
