namespace LandUse.Scoring.Tests.Support;

/// <summary>Real NAIP sample tiles, copied beside the test assembly from tests/Scoring.Tests/Samples.</summary>
internal static class Samples
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string Developed224 => Path.Combine(Folder, "naip-developed-224.png");

    public static string Undeveloped224 => Path.Combine(Folder, "undeveloped-acton-2010.png");

    /// <summary>385x287 RGBA.</summary>
    public static string OddSizeRgba => Path.Combine(Folder, "oddsize-rgba-acton-2010.png");
}
