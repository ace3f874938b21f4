using LandUse.Analysis.Runs;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Tests;

/// <summary>Writes run folders the way the pipeline does (predictions.csv, index.csv, summary.json) and generates two-year counties.</summary>
internal static class TestRuns
{
    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "landuse-analysis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteFolder(string runsDir, string runId, IReadOnlyList<TileResult> tiles)
    {
        var dir = Path.Combine(runsDir, runId);
        Directory.CreateDirectory(dir);
        PredictionCsv.WriteFile(
            Path.Combine(dir, RunFolder.PredictionsFile),
            tiles.Where(t => t.Predicted is not null || t.Error is not null).Select(t => new PredictionRow(t.Path, t.Predicted, t.Probabilities, t.Error)));
        IndexCsv.Write(Path.Combine(dir, IndexCsv.FileName), tiles.Select(t => new TileIndexEntry(t.Path, t.Id, t.Row, t.Col, t.Lat, t.Lon, t.Truth)));
        var summary = RunSummaryBuilder.Build(RunTotals.FromTiles(runId, tiles) with { Source = "synthetic/" + runId, ModelVersion = "test" });
        File.WriteAllText(Path.Combine(dir, RunFolder.SummaryFile), summary.ToJson());
        return dir;
    }

    /// <summary>
    /// A county of forest and farmland with towns, in two years: some forest blocks become developed in year B.
    /// Predictions copy the truth except a <paramref name="noise"/> share of tiles that get a random other class;
    /// a few tiles fail in each year.
    /// </summary>
    public static (List<TileResult> A, List<TileResult> B, HashSet<string> Developed) County(int size, double noise, int seed)
    {
        var random = new Random(seed);
        var truthA = new LandCover[size, size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                truthA[r, c] = (r / 8 + c / 8) % 3 == 0 ? LandCover.Cultivated : LandCover.Forest;
            }
        }

        Block(truthA, 2, 2, 7, LandCover.Developed);
        Block(truthA, size - 9, size - 9, 7, LandCover.Developed);
        var truthB = (LandCover[,])truthA.Clone();
        var developed = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < 6; k++)
        {
            var r0 = random.Next(0, size - 5);
            var c0 = random.Next(0, size - 5);
            for (var r = r0; r < r0 + 5; r++)
            {
                for (var c = c0; c < c0 + 5; c++)
                {
                    if (LabelScheme.GroupOf(truthA[r, c]) == LandGroup.Undeveloped)
                    {
                        truthB[r, c] = LandCover.Developed;
                        developed.Add($"r{r:0000}_c{c:0000}");
                    }
                }
            }
        }

        return (Tiles(truthA, "2010", noise, random), Tiles(truthB, "2016", noise, random), developed);
    }

    private static List<TileResult> Tiles(LandCover[,] truth, string year, double noise, Random random)
    {
        var tiles = new List<TileResult>();
        for (var r = 0; r < truth.GetLength(0); r++)
        {
            for (var c = 0; c < truth.GetLength(1); c++)
            {
                var roll = random.NextDouble();
                LandCover? predicted = roll < 0.005 ? null
                    : roll < noise ? (LandCover)((int)(truth[r, c] + 1 + random.Next(5)) % 6)
                    : truth[r, c];
                tiles.Add(TestTiles.Cell(r, c, predicted, truth[r, c], year));
            }
        }

        return tiles;
    }

    private static void Block(LandCover[,] grid, int r0, int c0, int side, LandCover label)
    {
        for (var r = r0; r < r0 + side; r++)
        {
            for (var c = c0; c < c0 + side; c++)
            {
                grid[r, c] = label;
            }
        }
    }
}
