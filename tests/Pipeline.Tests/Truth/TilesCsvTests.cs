using System.Text;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Tests.Truth;

/// <summary>tiles.csv goes through the one CSV reader: any column order, extra columns ignored, RFC 4180 quoting.</summary>
public sealed class TilesCsvTests
{
    [Fact]
    public void The_geotiff_tiler_layout_with_extra_columns_in_another_order_is_read()
    {
        var csv = TilesCsv.Parse(Encoding.UTF8.GetBytes("scene,id,x,y,epsg,lon,lat,row,col\n\"m_4207123_ne, 2016.tif\",r0_c1,500.5,200.5,26919,-71.25,42.5,0,1\n"), "tiles.csv");

        Assert.Equal(1, csv.Count);
        Assert.Equal(new TileFacts(null, 0, 1, 42.5, -71.25), csv.Find("r0_c1"));
    }

    [Fact]
    public void A_bad_label_or_number_names_the_file_and_its_line()
    {
        var label = Assert.Throws<FormatException>(() => TilesCsv.Parse(Encoding.UTF8.GetBytes("id,row,col,label\na,0,0,Forest\nb,0,1,Water\n"), "2016/tiles.csv"));
        var number = Assert.Throws<FormatException>(() => TilesCsv.Parse(Encoding.UTF8.GetBytes("id,row,col\na,zero,0\n"), "tiles.csv"));

        Assert.Equal($"2016/tiles.csv line 3: label 'Water' is not one of {string.Join(", ", LabelScheme.ClassNames)}.", label.Message);
        Assert.Equal("tiles.csv line 2: 'zero' is not an integer.", number.Message);
    }

    [Fact]
    public void A_file_without_an_id_column_is_refused_naming_the_expected_header()
    {
        var error = Assert.Throws<FormatException>(() => TilesCsv.Parse(Encoding.UTF8.GetBytes("row,col\n0,0\n"), "tiles.csv"));

        Assert.Contains("has no 'id' column", error.Message, StringComparison.Ordinal);
    }
}
