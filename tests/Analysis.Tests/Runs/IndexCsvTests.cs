using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Runs;

public sealed class IndexCsvTests
{
    [Fact]
    public void Entries_round_trip_with_empty_cells_for_unknowns_and_quoted_paths()
    {
        TileIndexEntry[] entries =
        [
            new("2016/r0001_c0002.png", "r0001_c0002", 1, 2, 42.123456789, -71.5, LandCover.Developed),
            new("odd, \"name\".png", "odd", null, null, null, null, null),
        ];
        var text = new StringWriter();

        IndexCsv.Write(text, entries);
        var back = IndexCsv.Read(new StringReader(text.ToString()));

        Assert.StartsWith("path,id,row,col,lat,lon,truth\n2016/r0001_c0002.png,r0001_c0002,1,2,42.123456789,-71.5,Developed\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"odd, \"\"name\"\".png\",odd,,,,,\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(entries, back);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_id_defaults_to_the_file_name()
    {
        var back = IndexCsv.Read(new StringReader("truth,path,row,col\nforest,a/b/r3_c4.png,3,4\n"));

        Assert.Equal(new TileIndexEntry("a/b/r3_c4.png", "r3_c4", 3, 4, null, null, LandCover.Forest), Assert.Single(back));
    }

    [Theory]
    [InlineData("id,row\nx,1\n", "line 1: header has no 'path' column")]
    [InlineData("path,row\na.png,1\nb.png,minus\n", "line 3: row 'minus' is not a non-negative integer")]
    [InlineData("path,truth\na.png,Water\n", "line 2: truth 'Water' is not one of Barren, Forest")]
    [InlineData("path,lat\na.png,north\n", "line 2: lat 'north' is not a number")]
    [InlineData("path\n\"a.png\n", "line 2: unterminated quoted field")]
    [InlineData("", "is empty")]
    public void Bad_rows_are_reported_with_file_and_line(string csv, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => IndexCsv.Read(new StringReader(csv), "runs/x/index.csv"));

        Assert.Contains("runs/x/index.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
