namespace LandUse.Scoring.Imaging;

/// <summary>Why a tile could not be turned into a tensor.</summary>
public enum DecodeFailure
{
    None = 0,

    /// <summary>The file has zero bytes.</summary>
    Empty,

    /// <summary>The file is larger than the configured cap; it was not decoded.</summary>
    TooLarge,

    /// <summary>The image header claims more pixels on a side than allowed; it was not decoded.</summary>
    Oversize,

    /// <summary>Not a PNG or JPEG image.</summary>
    Unsupported,

    /// <summary>The bytes stop before the image is complete.</summary>
    Truncated,

    /// <summary>The image data is damaged or cannot be converted to RGB.</summary>
    Corrupt,

    /// <summary>The size differs from the model input and the policy is to reject.</summary>
    WrongSize,
}
