namespace LandUse.Scoring.Training;

/// <summary>A deterministic per-class train/validation split: each class keeps its share in both parts.</summary>
public static class StratifiedSplit
{
    /// <summary>Splits tiles (in a stable order) so each class with 2+ tiles gives about <paramref name="validationFraction"/> to validation.</summary>
    public static (IReadOnlyList<LabeledTile> Train, IReadOnlyList<LabeledTile> Validation) Split(IReadOnlyList<LabeledTile> tiles, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        if (validationFraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "Validation fraction must be in [0, 1).");
        }

        var random = new Random(seed);
        var train = new List<LabeledTile>();
        var validation = new List<LabeledTile>();
        foreach (var group in tiles.GroupBy(t => t.Label).OrderBy(g => g.Key))
        {
            var members = group.OrderBy(t => t.Path, StringComparer.Ordinal).ToArray();
            random.Shuffle(members);
            var count = (int)Math.Round(members.Length * validationFraction, MidpointRounding.AwayFromZero);
            if (validationFraction > 0 && members.Length >= 2)
            {
                count = Math.Clamp(count, 1, members.Length - 1);
            }

            validation.AddRange(members.Take(count));
            train.AddRange(members.Skip(count));
        }

        return (train, validation);
    }
}
