using LandUse.Scoring.Bundles;
using LandUse.Scoring.Registry;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Registry;

[Collection(RegistryGroup.Name)]
public sealed class ModelCacheTests(RegistryFixture azurite) : IDisposable
{
    private readonly TempFolder _cache = new("landuse-model-cache");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task A_version_is_downloaded_once_into_its_entry_verified_with_no_temporary_folder_left()
    {
        var container = azurite.NewContainer();
        var registry = new ModelRegistry(container);
        var published = azurite.Bundle("naip", "v1");
        await registry.PublishAsync(published.Folder, Ct);
        var version = await registry.ResolveAsync(ModelReference.Parse("naip/v1"), Ct);
        var cache = new ModelCache(_cache.Path);

        var bundle = await cache.GetAsync(registry, version, Ct);
        await container.GetBlobClient("naip/v1/model.onnx").DeleteAsync(cancellationToken: Ct);
        var cached = await cache.GetAsync(registry, version, Ct);

        Assert.Equal(_cache.Combine("naip", "v1"), bundle.Folder);
        Assert.Equal(published.Manifest.Sha256, ModelFileHash.Of(bundle.ModelPath));
        Assert.Equal(bundle.Folder, cached.Folder);
        Assert.Equal(["v1"], Directory.GetDirectories(_cache.Combine("naip")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_damaged_cache_entry_is_downloaded_again_and_a_corrupt_registry_copy_never_becomes_an_entry()
    {
        var container = azurite.NewContainer();
        var registry = new ModelRegistry(container);
        await registry.PublishAsync(azurite.Bundle("naip", "v1").Folder, Ct);
        await registry.PublishAsync(azurite.Bundle("naip", "v2", logits: true).Folder, Ct);
        var cache = new ModelCache(_cache.Path);
        var v1 = await registry.ResolveAsync(ModelReference.Parse("naip/v1"), Ct);
        var entry = await cache.GetAsync(registry, v1, Ct);
        var good = await File.ReadAllBytesAsync(entry.ModelPath, Ct);
        var damaged = (byte[])good.Clone();
        damaged[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(entry.ModelPath, damaged, Ct);

        var repaired = await cache.GetAsync(registry, v1, Ct);

        Assert.Equal(good, await File.ReadAllBytesAsync(repaired.ModelPath, Ct));

        var v2 = await registry.ResolveAsync(ModelReference.Parse("naip/v2"), Ct);
        await container.GetBlobClient("naip/v2/model.onnx").UploadAsync(BinaryData.FromBytes(damaged), overwrite: true, Ct);
        var corrupt = await Assert.ThrowsAsync<ModelRegistryException>(() => cache.GetAsync(registry, v2, Ct));

        Assert.Equal(RegistryProblem.Corrupt, corrupt.Problem);
        Assert.Contains("Model 'naip/v2' in the registry container", corrupt.Message, StringComparison.Ordinal);
        Assert.Contains($"is corrupt: model.onnx hashes to {ModelFileHash.Of(damaged)} but its manifest.json says {v2.Sha256}", corrupt.Message, StringComparison.Ordinal);
        Assert.Equal(["v1"], Directory.GetFileSystemEntries(_cache.Combine("naip")).Select(Path.GetFileName));
    }
}
