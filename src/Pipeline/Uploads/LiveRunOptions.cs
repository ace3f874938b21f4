namespace LandUse.Pipeline.Uploads;

/// <summary>
/// Micro-batching of blob-upload events into one scoring call per batch, so a burst of uploads on one instance
/// costs a few model calls instead of one per tile, and the model uploads are scored with. Bound from <c>LandUse__Live__*</c>.
/// </summary>
public sealed record LiveRunOptions
{
    /// <summary>Most tiles scored together; a batch is flushed as soon as it is full.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>How long the first tile of a batch waits for company before the batch is scored anyway.</summary>
    public int MaxDelayMilliseconds { get; init; } = 200;

    /// <summary>
    /// The registry model uploads are scored with (<c>&lt;name&gt;/&lt;version&gt;</c>, or <c>&lt;name&gt;</c>: its newest when
    /// an instance scores its first upload); null: the host's default model.
    /// </summary>
    public string? Model { get; init; }
}
