using LandUse.Synthetic.Tiles;
using LandUse.TestSupport;

namespace LandUse.Synthetic.Tests.Tiles;

public sealed class TileGeneratorTests
{
    public static TheoryData<TileClass> Classes => [.. TileClasses.All];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Same_seed_gives_identical_png_bytes(TileClass cover)
    {
        var seed = TileGenerator.TileSeed(7, cover, 3);
        Assert.Equal(TileGenerator.RenderPng(cover, seed), TileGenerator.RenderPng(cover, seed));
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Different_seeds_give_different_tiles(TileClass cover)
    {
        var a = TileGenerator.RenderRgba(cover, TileGenerator.TileSeed(1, cover, 0));
        var b = TileGenerator.RenderRgba(cover, TileGenerator.TileSeed(2, cover, 0));
        var c = TileGenerator.RenderRgba(cover, TileGenerator.TileSeed(1, cover, 1));
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Tiles_are_224_by_224_8_bit_RGB_png(TileClass cover)
    {
        var png = TileGenerator.RenderPng(cover, TileGenerator.TileSeed(3, cover, 5));
        Assert.Equal((224, 224, 8, 2), Png.Header(png));
    }

    [Fact]
    public void Rendering_in_parallel_gives_the_same_bytes_as_one_at_a_time()
    {
        var jobs = TileClasses.All.SelectMany(c => Enumerable.Range(0, 4).Select(i => (c, i))).ToArray();
        var serial = jobs.Select(j => TileGenerator.RenderPng(j.c, TileGenerator.TileSeed(11, j.c, j.i))).ToArray();
        var parallel = new byte[jobs.Length][];
        Parallel.For(0, jobs.Length, k => parallel[k] = TileGenerator.RenderPng(jobs[k].c, TileGenerator.TileSeed(11, jobs[k].c, jobs[k].i)));
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Same_scene_under_another_look_keeps_the_layout_but_changes_the_pixels()
    {
        var scene = TileGenerator.TileSeed(5, TileClass.Cultivated, 0);
        var a = TileGenerator.RenderRgba(TileClass.Cultivated, scene, 1);
        var b = TileGenerator.RenderRgba(TileClass.Cultivated, scene, 2);
        var other = TileGenerator.RenderRgba(TileClass.Cultivated, TileGenerator.TileSeed(5, TileClass.Cultivated, 1), 1);
        Assert.NotEqual(a, b);

        // Same layout: the two looks correlate far better with each other than with another field.
        Assert.True(Correlation(a, b) > Correlation(a, other) + 0.2, $"same scene r={Correlation(a, b):F2}, other scene r={Correlation(a, other):F2}");
    }

    [Fact]
    public void Tile_seeds_differ_across_set_seed_class_and_index()
    {
        var seeds = new HashSet<ulong>();
        foreach (var set in new[] { 1, 2 })
        {
            foreach (var cover in TileClasses.All)
            {
                for (var i = 0; i < 200; i++)
                {
                    Assert.True(seeds.Add(TileGenerator.TileSeed(set, cover, i)), $"seed collision at set {set} {cover} {i}");
                }
            }
        }
    }

    [Fact]
    public void Unknown_class_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TileGenerator.RenderPng((TileClass)42, 1));
        Assert.Contains("Not a land-cover class", error.Message, StringComparison.Ordinal);
    }

    private static double Correlation(byte[] a, byte[] b)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        var n = 0;
        for (var i = 0; i < a.Length; i += 4)
        {
            double x = a[i] + a[i + 1] + a[i + 2];
            double y = b[i] + b[i + 1] + b[i + 2];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            n++;
        }

        var cov = (sab / n) - (sa / n * sb / n);
        return cov / Math.Sqrt(((saa / n) - Math.Pow(sa / n, 2)) * ((sbb / n) - Math.Pow(sb / n, 2)));
    }
}
