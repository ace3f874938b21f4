namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// The ScoreRun orchestration's custom status: totals of finished pages, listing state, throughput and ETA, and the
/// pages still scoring (their own <see cref="PageProgress"/> adds the tiles done inside them).
/// </summary>
public sealed record RunProgress
{
    public string Phase { get; init; } = "Starting";

    public long Listed { get; init; }

    public long Scored { get; init; }

    public long Failed { get; init; }

    public long Skipped { get; init; }

    public int PagesListed { get; init; }

    public int PagesDone { get; init; }

    public bool ListingDone { get; init; }

    public double TilesPerSecond { get; init; }

    /// <summary>Seconds left at the current rate; a lower bound while listing goes on.</summary>
    public double? EtaSeconds { get; init; }

    public IReadOnlyList<int> ActivePages { get; init; } = [];

    public long Done => Scored + Failed;
}

/// <summary>The ScorePage sub-orchestration's custom status, updated as each batch comes back.</summary>
public sealed record PageProgress(int Page, int Batches, int BatchesDone, long Scored, long Failed, long Skipped);
