using LandUse.Cli.Demo;
using LandUse.Scoring.Hosting;
using LandUse.TestSupport;

namespace LandUse.Cli.Tests.Demo;

[Collection(DemoGroup.Name)]
public sealed class DemoBundleLocationTests
{
    [Fact]
    public void Cache_root_prefers_LANDUSE_CACHE_then_XDG_CACHE_HOME_then_home()
    {
        using var env = new EnvironmentScope().Set(LocalCache.CacheVariable, "/tmp/own-cache").Set("XDG_CACHE_HOME", "/tmp/xdg");
        Assert.Equal("/tmp/own-cache", LocalCache.Root());

        env.Set(LocalCache.CacheVariable, null);
        Assert.Equal("/tmp/xdg/landuse", LocalCache.Root());

        env.Set("XDG_CACHE_HOME", null);
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "landuse"), LocalCache.Root());
    }

    [Fact]
    public void Cached_bundle_folder_is_versioned_by_the_recipe()
    {
        using var env = new EnvironmentScope().Set(LocalCache.CacheVariable, "/tmp/c");
        Assert.Equal($"/tmp/c/demo-bundle-v{DemoBundle.RecipeVersion}", DemoBundle.CacheFolder);
    }

    [Fact]
    public async Task LANDUSE_DEMO_BUNDLE_is_used_as_is_when_it_holds_a_bundle()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "model.onnx"), "x", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "manifest.json"), "{}", TestContext.Current.CancellationToken);
        using var env = new EnvironmentScope().Set(DemoBundle.BundleVariable, temp.Path);

        Assert.Equal(temp.Path, await DemoBundle.EnsureAsync(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LANDUSE_DEMO_BUNDLE_pointing_at_a_non_bundle_is_refused_naming_the_variable()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "manifest.json"), "{}", TestContext.Current.CancellationToken);
        using var env = new EnvironmentScope().Set(DemoBundle.BundleVariable, temp.Path);

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => DemoBundle.EnsureAsync(null, TestContext.Current.CancellationToken));
        Assert.Contains(DemoBundle.BundleVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_lock_is_exclusive_until_released()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "x.lock");
        var ct = TestContext.Current.CancellationToken;
        var waited = 0;
        var first = await FolderLock.AcquireAsync(path, () => { }, ct);
        var second = FolderLock.AcquireAsync(path, () => Interlocked.Increment(ref waited), ct);

        await Task.Delay(700, ct);
        Assert.False(second.IsCompleted, "the lock was taken twice");
        Assert.Equal(1, waited);

        first.Dispose();
        using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.True(File.Exists(path));
    }
}
