namespace LandUse.Analysis.Change;

/// <summary>
/// How well the candidates match real change, over tiles whose truth is known in both runs:
/// precision = true candidates / candidates, recall = true candidates / tiles whose truth made the transition.
/// </summary>
public sealed record ChangeAccuracy(long Evaluated, long TruthChanges, long Candidates, long TruePositives, double Precision, double Recall)
{
    public static ChangeAccuracy From(long evaluated, long truthChanges, long candidates, long truePositives) => new(
        evaluated,
        truthChanges,
        candidates,
        truePositives,
        candidates == 0 ? 0 : (double)truePositives / candidates,
        truthChanges == 0 ? 0 : (double)truePositives / truthChanges);
}
