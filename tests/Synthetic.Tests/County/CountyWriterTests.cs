using LandUse.Scoring.Labels;
using LandUse.Synthetic.County;
using LandUse.TestSupport;

namespace LandUse.Synthetic.Tests.County;

public sealed class CountyWriterTests
{
    [Fact]
    public async Task Writes_both_years_with_an_index_whose_truth_matches_the_plan()
    {
        using var temp = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        var plan = await CountyWriter.GenerateAsync(temp.Path, 6, 8, 2, null, ct);

        Assert.Equal(["2010", "2016"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var year in CountyPlan.Years)
        {
            var dir = Path.Combine(temp.Path, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var lines = await File.ReadAllLinesAsync(Path.Combine(dir, "tiles.csv"), ct);
            Assert.Equal("id,row,col,label", lines[0]);
            Assert.Equal(48, lines.Length - 1);
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                Assert.Equal(4, cells.Length);
                var (row, col) = (int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal($"r{row:D4}_c{col:D4}", cells[0]);
                Assert.True(LabelScheme.TryParseClass(cells[3], out var label), $"bad label {cells[3]}");
                Assert.Equal(plan.At(year, row, col).ToString(), label.ToString());
                var png = await File.ReadAllBytesAsync(Path.Combine(dir, cells[0] + ".png"), ct);
                Assert.Equal((224, 224, 8, 2), Png.Header(png));
            }

            Assert.Equal(49, Directory.GetFiles(dir).Length);
        }
    }

    [Fact]
    public async Task Unchanged_places_are_re_rendered_differently_each_year()
    {
        using var temp = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        var plan = await CountyWriter.GenerateAsync(temp.Path, 4, 4, 6, null, ct);
        var unchanged = plan.TilesOf(CountyPlan.FirstYear).Where(t => plan.At(CountyPlan.SecondYear, t.Row, t.Col) == t.Label).ToArray();

        Assert.NotEmpty(unchanged);
        foreach (var tile in unchanged)
        {
            var a = await File.ReadAllBytesAsync(Path.Combine(temp.Path, "2010", tile.Id + ".png"), ct);
            var b = await File.ReadAllBytesAsync(Path.Combine(temp.Path, "2016", tile.Id + ".png"), ct);
            Assert.NotEqual(a, b);
        }
    }

    [Fact]
    public async Task Same_seed_writes_the_same_county()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await CountyWriter.GenerateAsync(a.Path, 3, 3, 12, null, ct);
        await CountyWriter.GenerateAsync(b.Path, 3, 3, 12, null, ct);
        foreach (var file in Directory.GetFiles(Path.Combine(a.Path, "2016")))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file, ct), await File.ReadAllBytesAsync(Path.Combine(b.Path, "2016", Path.GetFileName(file)), ct));
        }
    }
}
