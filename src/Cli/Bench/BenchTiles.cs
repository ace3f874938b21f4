using System.Globalization;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Bench;

/// <summary>
/// The benchmark's tiles, made once per run in a scratch folder: real synthetic PNGs laid out as a county grid
/// (<c>r&lt;row&gt;_c&lt;col&gt;.png</c>, so the report draws its map) for the model stages, and tiny placeholder files in
/// folders of 1,000 for the orchestration stages (the no-op scorer reads but never decodes them).
/// </summary>
internal sealed class BenchTiles : IDisposable
{
    /// <summary>Distinct tiles rendered; larger sets repeat them (decoding the same bytes again costs the same).</summary>
    public const int Distinct = 96;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "landuse-bench-" + Guid.NewGuid().ToString("N")[..10]);

    /// <param name="samples">False for a no-op run alone: it reads tiny files only, so no PNG is rendered.</param>
    public BenchTiles(bool samples = true)
    {
        Directory.CreateDirectory(_root);
        Samples = !samples ? [] : [.. Enumerable.Range(0, Distinct).AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Scoring.Hosting.MachineCores.Count)
            .Select(i => TileGenerator.RenderPng((TileClass)(i % 6), TileGenerator.TileSeed(16, (TileClass)(i % 6), i)))];
    }

    /// <summary>The distinct PNGs, for the in-memory stages (raw model, decode).</summary>
    public IReadOnlyList<byte[]> Samples { get; }

    public string Root => _root;

    /// <summary>A folder of <paramref name="count"/> real tiles on a grid 100 columns wide.</summary>
    public string Grid(int count)
    {
        var folder = Path.Combine(_root, string.Create(CultureInfo.InvariantCulture, $"grid-{count}"));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"r{i / 100:D4}_c{i % 100:D4}.png")), Samples[i % Distinct]);
        }

        return folder;
    }

    /// <summary>A folder of <paramref name="count"/> tiny files in sub-folders of 1,000 (grid names, so the report still maps them).</summary>
    public string Tiny(int count)
    {
        var folder = Path.Combine(_root, string.Create(CultureInfo.InvariantCulture, $"tiny-{count}"));
        byte[] bytes = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        for (var i = 0; i < count; i++)
        {
            var group = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"g{i / 1000:D4}"));
            if (i % 1000 == 0)
            {
                Directory.CreateDirectory(group);
            }

            File.WriteAllBytes(Path.Combine(group, string.Create(CultureInfo.InvariantCulture, $"r{i / 1000:D4}_c{i % 1000:D4}.png")), bytes);
        }

        return folder;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
