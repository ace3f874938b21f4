using System.Text.Json.Serialization;
using LandUse.Analysis.Summaries;

namespace LandUse.Pipeline.Orchestration;

/// <summary>
/// A run's live progress: the ScoreRun orchestration's custom status (counts of finished pages, listing state, the pages
/// still scoring) and, merged with those pages' own counts, what status readers show and the ledger records: tiles done,
/// throughput, ETA and the running 6- and 3-class accuracy against truth.
/// </summary>
public sealed record RunProgress
{
    public string Phase { get; init; } = "Starting";

    public long Listed { get; init; }

    /// <summary>The one count summary, without its failure list.</summary>
    public TileCounts Counts { get; init; } = TileCounts.Empty;

    public int PagesListed { get; init; }

    public int PagesDone { get; init; }

    public bool ListingDone { get; init; }

    public double TilesPerSecond { get; init; }

    /// <summary>Seconds left at the current rate; a lower bound while listing goes on.</summary>
    public double? EtaSeconds { get; init; }

    public IReadOnlyList<int> ActivePages { get; init; } = [];

    /// <summary>When the run started (its first generation's start): rates are measured from here across ContinueAsNew.</summary>
    public DateTime? StartedAt { get; init; }

    /// <summary>How many times the orchestration has continued as new (0 in its first generation).</summary>
    public int Generation { get; init; }

    /// <summary>When this progress was read (set by readers; the orchestration leaves it empty).</summary>
    public DateTimeOffset? At { get; init; }

    public long Scored => Counts.Scored;

    public long Failed => Counts.Failed;

    public long Skipped => Counts.Skipped;

    public long WithTruth => Counts.WithTruth;

    /// <summary>Running 6-class accuracy against truth; null while no scored tile has truth.</summary>
    public double? Accuracy6 => Counts.Accuracy6;

    /// <summary>Running 3-class accuracy against truth; null while no scored tile has truth.</summary>
    public double? Accuracy3 => Counts.Accuracy3;

    [JsonIgnore]
    public long Done => Scored + Failed;
}

/// <summary>The ScorePage sub-orchestration's custom status, updated as each batch comes back.</summary>
public sealed record PageProgress(int Page, int Batches, int BatchesDone, TileCounts Counts);
