using LandUse.Scoring.Labels;
using LandUse.Synthetic.Tiles;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// A labeled synthetic tile set (<c>&lt;Label&gt;/&lt;id&gt;.png</c>, 50 per class = 300 tiles) rendered once per test
/// assembly, plus a deliberately broken tile so every run also exercises the failure path.
/// </summary>
public sealed class TileSetFixture : IAsyncLifetime
{
    public const int PerClass = 50;
    public const string BrokenTile = "Forest/broken.png";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "landuse-tiles-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Good tiles plus the broken one.</summary>
    public static int TileCount => (PerClass * LabelScheme.ClassCount) + 1;

    public async ValueTask InitializeAsync()
    {
        await TileSetWriter.WriteAsync(Folder, PerClass, 4242, null, CancellationToken.None, LandUse.Scoring.Hosting.MachineCores.Count);
        await File.WriteAllBytesAsync(Path.Combine(Folder, BrokenTile), "not a png"u8.ToArray());
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Every file of the set as (ref, bytes), for uploading to a container.</summary>
    public IEnumerable<(string Ref, string Path)> Files() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(p => (System.IO.Path.GetRelativePath(Folder, p).Replace('\\', '/'), p));
}
