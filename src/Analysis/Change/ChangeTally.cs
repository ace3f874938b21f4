using LandUse.Analysis.Metrics;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>The counts of a comparison, one joined pair at a time: transitions, unlabelled pairs, candidates and truth change.</summary>
internal sealed class ChangeTally(ChangeOptions options)
{
    private long _evaluated;
    private long _truthChanges;
    private long _truePositives;
    private long _evaluatedCandidates;

    public ConfusionMatrix Transitions { get; } = ConfusionMatrix.ForGroups();

    public long Joined { get; private set; }

    public long Unlabelled { get; private set; }

    public long Candidates { get; private set; }

    /// <summary>Counts a pair of tiles on one cell (or of one id); true when it is a candidate.</summary>
    public bool Add(LandGroup? labelA, LandGroup? labelB, LandGroup? truthA, LandGroup? truthB)
    {
        Joined++;

        // Truth change is judged on every joined tile with truth in both runs, so a tile that failed to score is a miss.
        var truthChanged = TruthChanged(truthA, truthB, options);
        if (truthChanged is { } truly)
        {
            _evaluated++;
            _truthChanges += truly ? 1 : 0;
        }

        if (labelA is not { } groupA || labelB is not { } groupB)
        {
            Unlabelled++;
            return false;
        }

        Transitions.Add(groupA, groupB);
        var isCandidate = groupA == options.From && groupB == options.To;
        if (truthChanged is { } changed)
        {
            _evaluatedCandidates += isCandidate ? 1 : 0;
            _truePositives += isCandidate && changed ? 1 : 0;
        }

        Candidates += isCandidate ? 1 : 0;
        return isCandidate;
    }

    /// <summary>Whether the truth went from the options' From group to their To group; null without truth in both runs.</summary>
    public static bool? TruthChanged(LandGroup? truthA, LandGroup? truthB, ChangeOptions options) =>
        truthA is { } a && truthB is { } b ? a == options.From && b == options.To : null;

    public ChangeSummary Summary(string runA, string runB, long countA, long countB) => new(
        runA,
        runB,
        options.From,
        options.To,
        options.Smooth,
        options.Smoothing.CentreWeight,
        options.ATruth,
        options.BTruth,
        Joined,
        countA - Joined,
        countB - Joined,
        Unlabelled,
        ConfusionTable.From(Transitions, LabelScheme.GroupNames),
        Candidates,
        _evaluated == 0 ? null : ChangeAccuracy.From(_evaluated, _truthChanges, _evaluatedCandidates, _truePositives));
}
