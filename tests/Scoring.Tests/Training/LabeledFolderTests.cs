using LandUse.Scoring.Labels;
using LandUse.Scoring.Training;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Training;

public sealed class LabeledFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_that_is_not_a_class_is_named_in_the_error()
    {
        Touch("Forest/a.png");
        Touch("Water/b.png");
        var ex = Assert.Throws<TrainingDataException>(() => LabeledFolder.Scan(_temp.Path));
        Assert.Contains("'Water'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_classes_are_enough()
    {
        TouchMany("Forest", 5);
        TouchMany("Developed", 6);

        var tiles = LabeledFolder.Scan(_temp.Path);

        Assert.Equal(11, tiles.Count);
        Assert.Equal([LandCover.Forest, LandCover.Developed], tiles.Select(t => t.Label).Distinct());
    }

    [Fact]
    public void One_class_is_an_error_naming_it()
    {
        TouchMany("Forest", 8);

        var ex = Assert.Throws<TrainingDataException>(() => LabeledFolder.Scan(_temp.Path));

        Assert.Contains("has tiles for only Forest; training needs at least two class folders", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_an_error()
    {
        var ex = Assert.Throws<TrainingDataException>(() => LabeledFolder.Scan(_temp.Path));

        Assert.Contains("has tiles for no class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_folder_with_fewer_than_five_tiles_is_named()
    {
        TouchMany("Forest", 5);
        TouchMany("Shrub", 4);
        TouchMany("Developed", 9);

        var ex = Assert.Throws<TrainingDataException>(() => LabeledFolder.Scan(_temp.Path));

        Assert.Contains("class folder 'Shrub' has 4 tile(s); each class folder needs at least 5", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_temp.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_is_stratified_deterministic_and_disjoint()
    {
        foreach (var c in LabelScheme.ClassNames)
        {
            for (var i = 0; i < 10; i++)
            {
                Touch($"{c}/{i}.png");
            }
        }

        Touch("Forest/readme.txt");
        var tiles = LabeledFolder.Scan(_temp.Path);
        var (train, validation) = StratifiedSplit.Split(tiles, 0.2, seed: 1);
        var again = StratifiedSplit.Split(tiles, 0.2, seed: 1);
        var other = StratifiedSplit.Split(tiles, 0.2, seed: 2);

        Assert.Equal(60, tiles.Count);
        Assert.All(LabelScheme.Classes, c => Assert.Equal(2, validation.Count(t => t.Label == c)));
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(validation, again.Validation);
        Assert.NotEqual(validation, other.Validation);
    }

    private void TouchMany(string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Touch($"{folder}/{i}.png");
        }
    }

    private void Touch(string relative)
    {
        var path = _temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1]);
    }
}
