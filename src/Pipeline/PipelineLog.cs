using Microsoft.Extensions.Logging;

namespace LandUse.Pipeline;

/// <summary>The pipeline's log messages, source-generated so a disabled level costs nothing.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Tile {TileRef} could not be read: {Reason}")]
    public static partial void TileReadFailed(ILogger logger, string tileRef, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Run {RunId} started on {Source} with model {ModelVersion}")]
    public static partial void RunStarted(ILogger logger, string runId, string source, string modelVersion);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Run {RunId} page {Page}: {Tiles} tiles in {Batches} batches")]
    public static partial void PageListed(ILogger logger, string runId, int page, int tiles, int batches);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Run {RunId} page {Page} batch {Batch}: {Scored} scored, {Failed} failed, {Skipped} reused")]
    public static partial void BatchScored(ILogger logger, string runId, int page, int batch, long scored, long failed, long skipped);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Run {RunId} completed: {Listed} listed, {Scored} scored, {Failed} failed, {Skipped} reused")]
    public static partial void RunCompleted(ILogger logger, string runId, long listed, long scored, long failed, long skipped);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Run {RunId} failed: {Error}")]
    public static partial void RunFailed(ILogger logger, string runId, string error);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Run {RunId} counts do not add up: {Listed} listed but {Tiles} tiles have results")]
    public static partial void CountsMismatch(ILogger logger, string runId, long listed, long tiles);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Run {RunId} cancelled: {Tiles} of {Listed} listed tiles have results; the same run id resumes")]
    public static partial void RunCancelled(ILogger logger, string runId, long tiles, long listed);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Run {RunId}: {Warning}")]
    public static partial void ReportWarning(ILogger logger, string runId, string warning);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Run {RunId} page {Page} batch {Batch}: not written, the run is no longer running (cancelled or deleted)")]
    public static partial void BatchDropped(ILogger logger, string runId, int page, int batch);
}
