namespace LandUse.Worker.Tiles;

/// <summary>A tile's bytes as read from its store, or why they could not be read.</summary>
internal sealed record TileRead(string Ref, ReadOnlyMemory<byte> Bytes, string? Error)
{
    public static TileRead Failed(string tileRef, string error) => new(tileRef, ReadOnlyMemory<byte>.Empty, error);
}
