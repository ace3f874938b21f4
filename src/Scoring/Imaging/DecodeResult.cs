namespace LandUse.Scoring.Imaging;

/// <summary>The outcome of decoding one tile: success (maybe resized) or a typed failure with a message naming the tile.</summary>
public readonly record struct DecodeResult(DecodeFailure Failure, string? Message, bool Resized)
{
    public bool Succeeded => Failure == DecodeFailure.None;

    public static DecodeResult Ok(bool resized) => new(DecodeFailure.None, null, resized);

    public static DecodeResult Fail(DecodeFailure failure, string tileRef, string problem) =>
        new(failure, $"{failure}: tile '{tileRef}' {problem}", false);
}
