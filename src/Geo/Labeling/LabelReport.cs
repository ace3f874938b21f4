using LandUse.Scoring.Labels;

namespace LandUse.Geo.Labeling;

/// <summary>What labeling did: tiles per class, tiles left without a label per reason, and where the result went.</summary>
public sealed record LabelReport(
    AgreeMode Agree,
    int Tiles,
    IReadOnlyDictionary<LandCover, int> PerClass,
    IReadOnlyDictionary<DropReason, int> Dropped,
    string Output,
    int NlcdEpsg)
{
    public int Labeled => PerClass.Values.Sum();

    public int DroppedTotal => Dropped.Values.Sum();
}
