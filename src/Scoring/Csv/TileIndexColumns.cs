namespace LandUse.Scoring.Csv;

/// <summary>
/// The columns of a tile index (<c>tiles.csv</c>) that readers look for, by name in any order (extra columns such as
/// <c>x,y,epsg,scene</c> from <c>landuse tile</c> are allowed): <c>id,row,col[,lat,lon][,label]</c>.
/// </summary>
public static class TileIndexColumns
{
    public const string FileName = "tiles.csv";
    public const string Id = "id";
    public const string Row = "row";
    public const string Col = "col";
    public const string Lat = "lat";
    public const string Lon = "lon";
    public const string Label = "label";
}
