using LandUse.Synthetic.Tiles;

namespace LandUse.Synthetic.County;

/// <summary>One grid cell of a county in one year with its true class, as written to tiles.csv.</summary>
public sealed record CountyTile(string Id, int Row, int Col, TileClass Label);
