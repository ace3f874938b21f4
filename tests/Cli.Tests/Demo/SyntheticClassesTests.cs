using LandUse.Scoring.Labels;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Tests.Demo;

/// <summary>Synthetic depends on no LandUse project, so its painted classes must stay named and numbered as the label scheme's.</summary>
public sealed class SyntheticClassesTests
{
    [Fact]
    public void The_painted_classes_are_the_label_schemes_classes_by_name_and_number()
    {
        Assert.Equal(LabelScheme.ClassNames, TileClasses.All.Select(c => c.ToString()));
        Assert.Equal(LabelScheme.Classes.Select(c => (int)c), TileClasses.All.Select(c => (int)c));
    }
}
