namespace LandUse.Cli.Demo;

/// <summary>What `landuse demo` builds: a rows x cols synthetic county per year, written under OutDir.</summary>
/// <remarks>Precision picks the demo bundle: its INT8 twin by default (about twice the CPU throughput), or FP32.</remarks>
internal sealed record DemoOptions(int Rows, int Cols, string OutDir, int Seed = DemoOptions.DefaultSeed, int BatchSize = 32, string Precision = DemoOptions.DefaultPrecision)
{
    public const int DefaultSeed = 2016;
    public const int DefaultSize = 40;
    public const int MaxSize = 1000;
    public const string DefaultPrecision = LandUse.Scoring.Bundles.ModelPrecision.Int8;

    public static string RunId(int year) => $"county-{year}";
}
