namespace LandUse.Scoring.Imaging;

/// <summary>What to do with a tile whose size differs from the model input.</summary>
public enum ResizePolicy
{
    /// <summary>Resample to the model input size and count it as resized.</summary>
    Resize,

    /// <summary>Fail the tile with a reason naming its size.</summary>
    Reject,
}
