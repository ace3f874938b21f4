namespace LandUse.Pipeline.Truth;

/// <summary>Where truth labels come from: the parent folder's name, a <c>tiles.csv</c> beside the tiles, either, or nowhere.</summary>
public enum TruthSource
{
    /// <summary>The parent folder when it names a class, else the <c>label</c> column of <c>tiles.csv</c>.</summary>
    Auto,
    Folder,
    Index,
    None,
}
