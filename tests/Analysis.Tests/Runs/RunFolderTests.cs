using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Runs;

public sealed class RunFolderTests
{
    [Fact]
    public void Load_joins_predictions_with_the_index_on_path()
    {
        var runs = TestRuns.NewTempDir();
        List<TileResult> tiles =
        [
            TestTiles.Cell(0, 0, LandCover.Forest, LandCover.Forest),
            TestTiles.Cell(0, 1, null, LandCover.Developed),
            TestTiles.Cell(1, 0, LandCover.Developed, null),
        ];
        TestRuns.WriteFolder(runs, "run-7", tiles);

        var run = RunFolder.Load(Path.Combine(runs, "run-7"));

        Assert.Equal("run-7", run.RunId);
        Assert.Equal(3, run.Tiles.Count);
        var failed = run.Tiles.Single(t => t.Id == "r0000_c0001");
        Assert.Null(failed.Predicted);
        Assert.Equal("decode failed", failed.Error);
        Assert.Equal(LandCover.Developed, failed.Truth);
        var scored = run.Tiles.Single(t => t.Id == "r0001_c0000");
        Assert.Equal((1, 0), (scored.Row!.Value, scored.Col!.Value));
        Assert.Equal(42.002, scored.Lat!.Value, 9);
        Assert.Equal(1, run.Summary.Counts.Failed);
    }

    [Fact]
    public void Index_only_tiles_become_unscored_tiles_and_a_missing_index_is_allowed()
    {
        var runs = TestRuns.NewTempDir();
        var dir = TestRuns.WriteFolder(runs, "r", [TestTiles.Cell(0, 0, LandCover.Forest)]);
        File.AppendAllText(Path.Combine(dir, IndexCsv.FileName), "tiles/r0005_c0005.png,r0005_c0005,5,5,,,Shrub\n");

        var withIndex = RunFolder.Load(dir);
        File.Delete(Path.Combine(dir, IndexCsv.FileName));
        var withoutIndex = RunFolder.Load(dir);

        var unscored = withIndex.Tiles.Single(t => t.Id == "r0005_c0005");
        Assert.Null(unscored.Predicted);
        Assert.Null(unscored.Error);
        Assert.Equal(LandCover.Shrub, unscored.Truth);
        var bare = Assert.Single(withoutIndex.Tiles);
        Assert.Equal("r0000_c0000", bare.Id);
        Assert.Null(bare.Row);
    }

    [Fact]
    public void Missing_or_bad_files_are_named()
    {
        var runs = TestRuns.NewTempDir();
        var dir = TestRuns.WriteFolder(runs, "r", [TestTiles.Cell(0, 0, LandCover.Forest)]);

        File.WriteAllText(Path.Combine(dir, RunFolder.PredictionsFile), "path,label\n");
        var badCsv = Assert.Throws<InvalidDataException>(() => RunFolder.Load(dir));
        Assert.Contains("predictions.csv", badCsv.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, IndexCsv.FileName), "path,row\nx.png,-3\n");
        File.Delete(Path.Combine(dir, RunFolder.PredictionsFile));
        var missing = Assert.Throws<FileNotFoundException>(() => RunFolder.Load(dir));
        Assert.Contains("no predictions.csv", missing.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, RunFolder.SummaryFile), "[1,2");
        var badJson = Assert.Throws<InvalidDataException>(() => RunFolder.Load(dir));
        Assert.Contains("summary.json", badJson.Message, StringComparison.Ordinal);

        Assert.Throws<DirectoryNotFoundException>(() => RunFolder.Load(Path.Combine(runs, "nope")));
    }

    [Fact]
    public void Bad_index_line_is_named_through_load()
    {
        var runs = TestRuns.NewTempDir();
        var dir = TestRuns.WriteFolder(runs, "r", [TestTiles.Cell(0, 0, LandCover.Forest)]);
        File.WriteAllText(Path.Combine(dir, IndexCsv.FileName), "path,row\nok.png,1\nx.png,-3\n");

        var ex = Assert.Throws<InvalidDataException>(() => RunFolder.Load(dir));

        Assert.Contains("index.csv line 3: row '-3'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ids_resolve_under_the_runs_folder_and_paths_are_taken_as_is()
    {
        var runs = TestRuns.NewTempDir();
        var dir = TestRuns.WriteFolder(runs, "run-9", [TestTiles.Cell(0, 0, LandCover.Forest)]);

        Assert.Equal(dir, RunLocator.Resolve("run-9", runs));
        Assert.Equal(dir, RunLocator.Resolve(dir));
        var ex = Assert.Throws<DirectoryNotFoundException>(() => RunLocator.Resolve("run-10", runs));
        Assert.Contains("Run 'run-10' not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_streams_the_same_tiles_as_load_on_every_read_even_with_the_index_in_another_order()
    {
        var runs = TestRuns.NewTempDir();
        List<TileResult> tiles = [.. Enumerable.Range(0, 12).Select(i => TestTiles.Cell(i / 4, i % 4, i % 5 == 0 ? null : LandCover.Forest, LandCover.Shrub))];
        var dir = TestRuns.WriteFolder(runs, "r", tiles);
        var index = Path.Combine(dir, IndexCsv.FileName);
        var lines = File.ReadAllLines(index);
        File.WriteAllLines(index, [lines[0], .. lines.Skip(1).Reverse(), "tiles/r0009_c0009.png,r0009_c0009,9,9,,,Forest"]);

        var loaded = RunFolder.Load(dir).Tiles.Select(Comparable).ToList();
        var run = RunFolder.Open(dir);
        var first = await run.Tiles.ReadAsync(TestContext.Current.CancellationToken).Select(Comparable).ToListAsync(TestContext.Current.CancellationToken);
        var second = await run.Tiles.ReadAsync(TestContext.Current.CancellationToken).Select(Comparable).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(13, loaded.Count);
        Assert.Equal(loaded, first);
        Assert.Equal(loaded, second);
        Assert.Equal((LandCover?)LandCover.Shrub, loaded[0].Tile.Truth);
        Assert.Equal("r0009_c0009", loaded[^1].Tile.Id);
    }

    /// <summary>A tile with its probabilities as text, so two reads compare by value.</summary>
    private static (TileResult Tile, string P) Comparable(TileResult t) => (t with { Probabilities = null }, string.Join(',', t.Probabilities ?? []));
}
