using LandUse.Scoring.Labels;
using LandUse.TestSupport;

namespace LandUse.Worker.Tests.Support;

/// <summary>A temporary folder of real PNG tiles: synthetic ones for every class plus one real NAIP tile.</summary>
internal sealed class TileFolder : IDisposable
{
    private TileFolder(string root, IReadOnlyList<string> refs)
    {
        Root = root;
        Refs = refs;
    }

    public string Root { get; }

    /// <summary>Store-relative refs of every tile written, in a stable order.</summary>
    public IReadOnlyList<string> Refs { get; }

    public static TileFolder Create(int perClass, int seed = 7)
    {
        var root = Directory.CreateTempSubdirectory("landuse-worker-tiles-").FullName;
        var refs = new List<string>();
        foreach (var cover in LabelScheme.Classes)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(root, cover.ToString()));
            for (var i = 0; i < perClass; i++)
            {
                var tileRef = $"{cover}/t{i:D3}.png";
                File.WriteAllBytes(System.IO.Path.Combine(root, tileRef), SyntheticLabels.Png(cover, i, seed));
                refs.Add(tileRef);
            }
        }

        Directory.CreateDirectory(System.IO.Path.Combine(root, "real"));
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", "naip-developed-224.png"), System.IO.Path.Combine(root, "real", "naip-developed-224.png"));
        refs.Add("real/naip-developed-224.png");
        return new TileFolder(root, refs);
    }

    public string PathOf(string tileRef) => System.IO.Path.Combine(Root, tileRef);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
