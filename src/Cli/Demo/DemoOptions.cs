namespace LandUse.Cli.Demo;

/// <summary>What `landuse demo` builds: a rows x cols synthetic county per year, written under OutDir.</summary>
internal sealed record DemoOptions(int Rows, int Cols, string OutDir, int Seed = DemoOptions.DefaultSeed, int BatchSize = 32)
{
    public const int DefaultSeed = 2016;
    public const int DefaultSize = 40;
    public const int MaxSize = 1000;

    public static string RunId(int year) => $"county-{year}";
}
