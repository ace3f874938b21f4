using LandUse.Pipeline.Truth;

namespace LandUse.Functions.Api;

/// <summary>
/// The body of <c>POST /api/runs</c>. Everything is optional: the tiles container defaults to <c>LandUse:TilesContainer</c>,
/// the model to <c>LandUse:DefaultModel</c>, the run id to the source name plus a timestamp, the knobs to the pipeline's defaults. Storage is always this app's
/// account, so a caller can never point the app at other storage or pass a secret.
/// </summary>
public sealed record StartRunBody
{
    /// <summary>Run id; starting an id that already finished resumes it (tiles scored with the same ETag and model are reused).</summary>
    public string? RunId { get; init; }

    /// <summary>Blob container of the tiles.</summary>
    public string? Container { get; init; }

    /// <summary>Blob name prefix (a folder such as <c>2016/</c>); empty scores the whole container.</summary>
    public string? Prefix { get; init; }

    public int? BatchSize { get; init; }

    public int? MaxParallelBatches { get; init; }

    public int? PageSize { get; init; }

    public int? MaxParallelPages { get; init; }

    /// <summary>
    /// Registry model to score with: <c>&lt;name&gt;/&lt;version&gt;</c>, or <c>&lt;name&gt;</c> for its newest version (pinned when
    /// the run starts); default <c>LandUse__DefaultModel</c>. Rows and the ledger record the version it resolved to.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Where truth labels come from: Auto, Folder, Index or None.</summary>
    public TruthSource? Truth { get; init; }
}
