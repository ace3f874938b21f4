using System.Text;
using LandUse.Pipeline.Stores;
using LandUse.Pipeline.Truth;
using LandUse.Scoring.Labels;
using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Truth;

public sealed class TileFactsResolverTests
{
    [Fact]
    public async Task Truth_comes_from_the_parent_folder_when_it_names_a_class()
    {
        using var folder = new TempFolder();
        folder.File("Forest/f1.png");
        var facts = await new TileFactsResolver().ResolveAsync(new LocalFolderTileStore(folder.Path), "Forest/f1.png", TruthSource.Auto, TestContext.Current.CancellationToken);

        Assert.Equal(LandCover.Forest, facts.Truth);
        Assert.Null(facts.Row);
    }

    [Fact]
    public async Task Tiles_csv_beside_the_tiles_gives_truth_cell_and_coordinates()
    {
        using var folder = new TempFolder();
        folder.File("2016/r3_c4.png");
        folder.File("2016/tiles.csv", Encoding.UTF8.GetBytes("id,row,col,lat,lon,label\nr3_c4,30,40,42.5,-71.25,Developed\n"));
        var facts = await new TileFactsResolver().ResolveAsync(new LocalFolderTileStore(folder.Path), "2016/r3_c4.png", TruthSource.Auto, TestContext.Current.CancellationToken);

        Assert.Equal(new TileFacts(LandCover.Developed, 30, 40, 42.5, -71.25), facts);
    }

    [Fact]
    public async Task Without_an_index_the_cell_comes_from_an_r_c_name_and_there_is_no_truth()
    {
        using var folder = new TempFolder();
        folder.File("2010/r0123_c0456.png");
        var facts = await new TileFactsResolver().ResolveAsync(new LocalFolderTileStore(folder.Path), "2010/r0123_c0456.png", TruthSource.Auto, TestContext.Current.CancellationToken);

        Assert.Equal(new TileFacts(null, 123, 456, null, null), facts);
    }

    [Fact]
    public async Task Truth_source_none_or_folder_ignores_the_index_label()
    {
        using var folder = new TempFolder();
        folder.File("x/a.png");
        folder.File("x/tiles.csv", Encoding.UTF8.GetBytes("id,row,col,label\na,1,2,Shrub\n"));
        var store = new LocalFolderTileStore(folder.Path);
        var resolver = new TileFactsResolver();
        var ct = TestContext.Current.CancellationToken;

        Assert.Null((await resolver.ResolveAsync(store, "x/a.png", TruthSource.Folder, ct)).Truth);
        Assert.Equal(LandCover.Shrub, (await resolver.ResolveAsync(store, "x/a.png", TruthSource.Index, ct)).Truth);
    }

    [Theory]
    [InlineData("row,col\n1,2\n", "no 'id' column")]
    [InlineData("id,row,col,label\na,1,2,Water\n", "line 2: label 'Water'")]
    [InlineData("id,row,col\na,x,2\n", "line 2: 'x' is not an integer")]
    public void A_bad_tiles_csv_is_an_error_naming_the_line(string csv, string message)
    {
        var error = Assert.Throws<FormatException>(() => TilesCsv.Parse(Encoding.UTF8.GetBytes(csv), "tiles.csv"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
