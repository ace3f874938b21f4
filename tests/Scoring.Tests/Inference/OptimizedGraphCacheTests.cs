using LandUse.Scoring.Bundles;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Inference;

public sealed class OptimizedGraphCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_first_session_saves_the_optimized_graph_and_the_next_one_scores_from_it_the_same()
    {
        var bundle = TinyModel.WriteBundle(_temp.Combine("bundle"));
        var cache = _temp.Combine("graphs");
        var tiles = Tiles();
        var ct = TestContext.Current.CancellationToken;
        var expected = Scores(bundle, null, tiles, ct);

        var first = Scores(bundle, cache, tiles, ct);
        var entry = Assert.Single(Directory.GetFiles(cache));
        Assert.Equal(OptimizedGraphCache.PathFor(cache, bundle.Manifest.Sha256), entry);
        var written = File.GetLastWriteTimeUtc(entry);
        var second = Scores(bundle, cache, tiles, ct);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(entry));
    }

    [Fact]
    public void A_damaged_entry_is_built_again_and_scoring_is_unchanged()
    {
        var bundle = TinyModel.WriteBundle(_temp.Combine("bundle"));
        var cache = _temp.Combine("graphs");
        var entry = OptimizedGraphCache.PathFor(cache, bundle.Manifest.Sha256);
        Directory.CreateDirectory(cache);
        File.WriteAllText(entry, "not an onnx graph");
        var tiles = Tiles();
        var ct = TestContext.Current.CancellationToken;

        var scores = Scores(bundle, cache, tiles, ct);

        Assert.Equal(Scores(bundle, null, tiles, ct), scores);
        Assert.True(new FileInfo(entry).Length > 100, "The damaged entry was not rebuilt.");
        Assert.Single(Directory.GetFiles(cache));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_scores_from_the_model_itself()
    {
        var bundle = TinyModel.WriteBundle(_temp.Combine("bundle"));
        var blocker = _temp.Combine("a-file");
        File.WriteAllText(blocker, "");
        var tiles = Tiles();
        var ct = TestContext.Current.CancellationToken;

        var scores = Scores(bundle, Path.Combine(blocker, "graphs"), tiles, ct);

        Assert.Equal(Scores(bundle, null, tiles, ct), scores);
    }

    [Fact]
    public void An_existing_cache_folder_that_refuses_the_file_scores_from_the_model_itself()
    {
        // /proc/self exists and refuses new files even to root, where a chmod-ed folder would not.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /proc");
        var bundle = TinyModel.WriteBundle(_temp.Combine("bundle"));
        var tiles = Tiles();
        var ct = TestContext.Current.CancellationToken;

        var scores = Scores(bundle, "/proc/self", tiles, ct);

        Assert.Equal(Scores(bundle, null, tiles, ct), scores);
    }

    [Fact]
    public void The_folder_keeps_only_the_graphs_built_last()
    {
        var cache = _temp.Combine("graphs");
        Directory.CreateDirectory(cache);
        for (var i = 0; i < OptimizedGraphCache.MaxEntries + 3; i++)
        {
            var old = Path.Combine(cache, $"old-{i:D2}.onnx");
            File.WriteAllText(old, "");
            File.SetLastWriteTimeUtc(old, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i));
        }

        var bundle = TinyModel.WriteBundle(_temp.Combine("bundle"));
        Scores(bundle, cache, Tiles(), TestContext.Current.CancellationToken);

        var kept = Directory.GetFiles(cache).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(OptimizedGraphCache.MaxEntries, kept.Length);
        Assert.Contains(Path.GetFileName(OptimizedGraphCache.PathFor(cache, bundle.Manifest.Sha256)), kept);
        Assert.DoesNotContain("old-00.onnx", kept);
        Assert.Contains($"old-{OptimizedGraphCache.MaxEntries + 2:D2}.onnx", kept);
    }

    private static TileInput[] Tiles() =>
        [.. Enumerable.Range(0, 5).Select(i => new TileInput($"t{i}", Images.SolidPng(8, 8, (byte)(40 * i), 200, 30)))];

    private static string[] Scores(ModelBundle bundle, string? cache, TileInput[] tiles, CancellationToken ct)
    {
        using var scorer = new OnnxTileScorer(bundle, new ScoringOptions { GraphCacheFolder = cache });
        return [.. scorer.Score(tiles, ct).Select(p => $"{p.Ref} {p.Label} {string.Join(",", p.Probabilities!.Select(v => v.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)))}")];
    }
}
