using LandUse.Scoring.Inference;

namespace LandUse.Worker.Batching;

/// <summary>A tile waiting in the batcher's queue, the scorer (model) it is for, the request it came from and where its result goes.</summary>
internal sealed record PendingTile(ITileScorer Scorer, TileInput Input, TaskCompletionSource<TilePrediction> Result, long EnqueuedAt, CancellationToken RequestAborted);
