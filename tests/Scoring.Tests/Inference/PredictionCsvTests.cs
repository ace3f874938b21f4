using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Scoring.Tests.Inference;

public sealed class PredictionCsvTests
{
    [Fact]
    public void Header_is_the_contract()
    {
        Assert.Equal("path,label,p_Barren,p_Forest,p_Shrub,p_Cultivated,p_Herbaceous,p_Developed,error", PredictionCsv.HeaderLine);
    }

    [Fact]
    public void Rows_round_trip_with_quoting_and_invariant_numbers()
    {
        PredictionRow[] rows =
        [
            new("2016/r1_c2.png", LandCover.Developed, [0.1f, 0.2f, 0.05f, 0.05f, 0.1f, 0.5f], null),
            new("odd, \"name\".png", null, null, "Corrupt: tile 'x' could not be decoded (line\nbreak)"),
        ];
        using var writer = new StringWriter();
        PredictionCsv.Write(writer, rows);
        var text = writer.ToString();

        Assert.StartsWith(PredictionCsv.HeaderLine + "\n2016/r1_c2.png,Developed,0.1,0.2,0.05,0.05,0.1,0.5,\n", text, StringComparison.Ordinal);
        var back = PredictionCsv.Read(new StringReader(text)).ToArray();
        Assert.Equal(rows[0].Path, back[0].Path);
        Assert.Equal(rows[0].Probabilities, back[0].Probabilities);
        Assert.Equal(rows[1], back[1]);
    }

    [Fact]
    public void A_wrong_header_is_refused()
    {
        Assert.Throws<FormatException>(() => PredictionCsv.Read(new StringReader("path,label\n")).ToArray());
    }

    [Fact]
    public void A_run_with_coordinates_appends_lat_lon_after_error_and_reads_them_back()
    {
        PredictionRow[] rows =
        [
            new PredictionRow("r0000_c0001.png", LandCover.Forest, [0f, 1f, 0f, 0f, 0f, 0f], null) { Lat = 40.62571285, Lon = -77.36067582 },
            new PredictionRow("no-index.png", null, null, "Corrupt") { Lat = null, Lon = null },
        ];
        using var writer = new StringWriter();
        PredictionCsv.Write(writer, rows, withCoordinates: true);
        var lines = writer.ToString().Split('\n');

        Assert.Equal(PredictionCsv.HeaderLine + ",lat,lon", lines[0]);
        Assert.Equal("r0000_c0001.png,Forest,0,1,0,0,0,0,,40.62571285,-77.36067582", lines[1]);
        Assert.Equal("no-index.png,,,,,,,,Corrupt,,", lines[2]);
        var back = PredictionCsv.Read(new StringReader(writer.ToString())).ToArray();
        Assert.Equal((40.62571285, -77.36067582), (back[0].Lat!.Value, back[0].Lon!.Value));
        Assert.Equal("Corrupt", back[1].Error);
        Assert.Null(back[1].Lat);
    }

    [Fact]
    public void Without_coordinates_the_header_is_the_plain_contract()
    {
        using var writer = new StringWriter();
        PredictionCsv.Write(writer, [new PredictionRow("a.png", LandCover.Forest, [0f, 1f, 0f, 0f, 0f, 0f], null) { Lat = 1, Lon = 2 }]);

        Assert.Equal(PredictionCsv.HeaderLine, writer.ToString().Split('\n')[0]);
    }

    [Fact]
    public void A_coordinate_that_is_not_a_number_names_its_record()
    {
        var text = PredictionCsv.HeaderLine + ",lat,lon\na.png,Forest,0,1,0,0,0,0,,north,-77\n";

        var ex = Assert.Throws<FormatException>(() => PredictionCsv.Read(new StringReader(text)).ToArray());

        Assert.Contains("record 2: 'north' in lat is not a number", ex.Message, StringComparison.Ordinal);
    }
}
