using System.Globalization;

namespace LandUse.Analysis.Change;

/// <summary>
/// How well the candidates match real change, over tiles whose truth is known in both runs:
/// precision = true candidates / candidates, recall = true candidates / tiles whose truth made the transition.
/// Each is null (not 0) when undefined: no candidates, or no real change.
/// </summary>
public sealed record ChangeAccuracy(long Evaluated, long TruthChanges, long Candidates, long TruePositives, double? Precision, double? Recall)
{
    public static ChangeAccuracy From(long evaluated, long truthChanges, long candidates, long truePositives) => new(
        evaluated,
        truthChanges,
        candidates,
        truePositives,
        candidates == 0 ? null : (double)truePositives / candidates,
        truthChanges == 0 ? null : (double)truePositives / truthChanges);

    /// <summary>A ratio for people: fixed decimals, or "n/a" when it is undefined.</summary>
    public static string Format(double? ratio, string format) =>
        ratio is { } value ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
