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
}
