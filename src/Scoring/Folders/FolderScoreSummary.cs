namespace LandUse.Scoring.Folders;

/// <summary>What scoring a folder did: counts, where the CSV went, which model and provider, and how fast.</summary>
public sealed record FolderScoreSummary(int Scored, int Failed, int Resized, string OutputPath, string ModelVersion, string Provider, TimeSpan Elapsed)
{
    public double TilesPerSecond => Output.Throughput.TilesPerSecond(Scored, Elapsed.TotalSeconds);

    /// <summary>The one-line summary the CLI prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"scored {Scored}, failed {Failed}, resized {Resized} ({TilesPerSecond:F1} tiles/s on {Provider}, model {ModelVersion}) -> {OutputPath}");
}
