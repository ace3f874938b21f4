using System.Globalization;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Comparisons;

/// <summary>The instance id of a comparison: readable when it can be, so its status reads at the run status endpoint.</summary>
public static class ComparisonIds
{
    /// <summary><c>compare-&lt;A&gt;-&lt;B&gt;</c> when it is a valid run id, else a stable hash of the pair.</summary>
    public static string Of(string runA, string runB)
    {
        var readable = $"compare-{runA}-{runB}";
        return RunIds.IsValid(readable)
            ? readable
            : string.Create(CultureInfo.InvariantCulture, $"compare-{ShardKey.Fnv1a(runA + "\n" + runB):x8}");
    }
}
