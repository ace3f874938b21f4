using LandUse.Pipeline.Stores;

namespace LandUse.Pipeline.Uploads;

/// <summary>One upload event's tile: its container and the ref, ETag and size the event's blob had.</summary>
public sealed record LiveTile(string Container, TileEntry Entry);
