using System.Globalization;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// How CPU scoring spends the cores (<see cref="MachineCores.Count"/>: affinity and cgroup quota): <see cref="Lanes"/>
/// batches in flight at once, each decoded and then inferred by its own <see cref="IntraOpThreads"/> threads, so while
/// one lane runs the model the next lane decodes its batch, and lanes × intra-op threads never exceed the cores. On
/// two cores, two lanes of one thread beat one lane of two threads that decode and infer in turn: ONNX Runtime's
/// intra-op parallel sections wait for their slowest thread, batch-level parallelism never does, and decoding (about
/// 3 % of a tile's work) hides behind the other lane's inference. Lanes stop at <see cref="MaxLanes"/>, because each
/// holds a model call's activations (about 4.4 MB per tile for the FP32 ResNet18, ScoringOptions.ModelBatchSize tiles a call).
/// </summary>
public sealed record CoreBudget(int Cores, int Lanes, int IntraOpThreads)
{
    public const int MaxLanes = 8;

    /// <summary>The budget for this process's cores.</summary>
    public static CoreBudget ForMachine(int intraOpThreads = 0) => For(MachineCores.Count, intraOpThreads);

    /// <summary>
    /// The budget for <paramref name="cores"/>: one-thread lanes up to <see cref="MaxLanes"/>, then wider lanes; an explicit
    /// <paramref name="intraOpThreads"/> (> 0) fixes the lane width and leaves as many lanes as fit.
    /// </summary>
    public static CoreBudget For(int cores, int intraOpThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        var width = intraOpThreads > 0 ? Math.Min(intraOpThreads, cores) : Math.Max(1, cores / MaxLanes);
        var lanes = Math.Clamp(cores / width, 1, MaxLanes);
        return new CoreBudget(cores, lanes, width);
    }

    /// <summary>Threads busy at most at once: never more than the cores.</summary>
    public int Threads => Lanes * IntraOpThreads;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Lanes} lane{(Lanes == 1 ? "" : "s")} x {IntraOpThreads} intra-op thread{(IntraOpThreads == 1 ? "" : "s")} on {Cores} core{(Cores == 1 ? "" : "s")}");
}
