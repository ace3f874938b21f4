using LandUse.Scoring.Bundles;
using LandUse.Scoring.Registry;
using Microsoft.Extensions.Time.Testing;

namespace LandUse.Scoring.Tests.Registry;

[Collection(RegistryGroup.Name)]
public sealed class ModelRegistryTests(RegistryFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_bundle_is_listed_with_name_version_created_classes_and_size_and_stored_at_its_path()
    {
        var container = azurite.NewContainer();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var registry = new ModelRegistry(container, clock);
        var bundle = azurite.Bundle("naip", "v1", labels: ["Forest", "Cultivated", "Developed"]);

        var result = await registry.PublishAsync(bundle.Folder, Ct);
        var listed = Assert.Single(await registry.ListAsync(Ct));

        Assert.False(result.AlreadyPublished);
        Assert.Equal("naip/v1", listed.Reference.ToString());
        Assert.Equal(clock.GetUtcNow(), listed.Created);
        Assert.Equal(["Forest", "Cultivated", "Developed"], listed.Labels);
        Assert.Equal(new FileInfo(bundle.ModelPath).Length, listed.ModelBytes);
        Assert.Equal(bundle.Manifest.Sha256, listed.Sha256);
        Assert.Equal(
            ["naip/v1/manifest.json", "naip/v1/model.onnx"],
            await container.GetBlobsAsync(cancellationToken: Ct).Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToListAsync(Ct));
    }

    [Fact]
    public async Task Versions_are_immutable_the_same_bytes_again_is_a_no_op_and_other_bytes_are_refused()
    {
        var container = azurite.NewContainer();
        var registry = new ModelRegistry(container);
        var original = azurite.Bundle("naip", "v1");
        await registry.PublishAsync(original.Folder, Ct);
        var stored = (await container.GetBlobClient("naip/v1/model.onnx").GetPropertiesAsync(cancellationToken: Ct)).Value.ETag;

        var again = await registry.PublishAsync(original.Folder, Ct);
        var other = azurite.Bundle("naip", "v1", logits: true);
        var refused = await Assert.ThrowsAsync<ModelRegistryException>(() => registry.PublishAsync(other.Folder, Ct));

        Assert.True(again.AlreadyPublished);
        Assert.Equal(RegistryProblem.VersionExists, refused.Problem);
        Assert.Contains("Model 'naip/v1' is already in the registry container", refused.Message, StringComparison.Ordinal);
        Assert.Contains("versions are immutable", refused.Message, StringComparison.Ordinal);
        Assert.Equal(stored, (await container.GetBlobClient("naip/v1/model.onnx").GetPropertiesAsync(cancellationToken: Ct)).Value.ETag);
        Assert.Equal(original.Manifest.Sha256, (await registry.ResolveAsync(ModelReference.Parse("naip/v1"), Ct)).Sha256);
    }

    [Fact]
    public async Task A_bundle_whose_model_does_not_hash_to_its_manifest_is_refused_before_anything_is_uploaded()
    {
        var container = azurite.NewContainer();
        var bundle = azurite.Bundle("naip", "v1");
        var bytes = await File.ReadAllBytesAsync(bundle.ModelPath, Ct);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(bundle.ModelPath, bytes, Ct);

        var error = await Assert.ThrowsAsync<ModelBundleException>(() => new ModelRegistry(container).PublishAsync(bundle.Folder, Ct));

        Assert.Contains("sha256 mismatch", error.Message, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync(Ct) && await container.GetBlobsAsync(cancellationToken: Ct).AnyAsync(Ct));
    }

    [Fact]
    public async Task A_name_resolves_to_the_version_published_last_not_the_highest_version_string()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var registry = new ModelRegistry(azurite.NewContainer(), clock);
        await registry.PublishAsync(azurite.Bundle("naip", "zeta").Folder, Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await registry.PublishAsync(azurite.Bundle("naip", "alpha", logits: true).Folder, Ct);
        await registry.PublishAsync(azurite.Bundle("other", "zz").Folder, Ct);

        var newest = await registry.ResolveAsync(ModelReference.Parse("naip"), Ct);
        var pinned = await registry.ResolveAsync(ModelReference.Parse("naip/zeta"), Ct);

        Assert.Equal("naip/alpha", newest.Reference.ToString());
        Assert.Equal("naip/zeta", pinned.Reference.ToString());
        Assert.Equal(["naip/alpha", "naip/zeta", "other/zz"], (await registry.ListAsync(Ct)).Select(v => v.Reference.ToString()));
    }

    [Fact]
    public async Task An_unknown_name_or_version_is_not_found_naming_it_and_what_is_there()
    {
        var registry = new ModelRegistry(azurite.NewContainer());
        var noContainer = await Assert.ThrowsAsync<ModelRegistryException>(() => registry.ResolveAsync(ModelReference.Parse("naip"), Ct));
        await registry.PublishAsync(azurite.Bundle("naip", "v1").Folder, Ct);

        var name = await Assert.ThrowsAsync<ModelRegistryException>(() => registry.ResolveAsync(ModelReference.Parse("landsat"), Ct));
        var version = await Assert.ThrowsAsync<ModelRegistryException>(() => registry.ResolveAsync(ModelReference.Parse("naip/v9"), Ct));

        Assert.All([noContainer, name, version], e => Assert.Equal(RegistryProblem.NotFound, e.Problem));
        Assert.Contains("does not exist", noContainer.Message, StringComparison.Ordinal);
        Assert.Contains("Model 'landsat' is not in the registry container", name.Message, StringComparison.Ordinal);
        Assert.Contains("Model 'naip/v9' is not in the registry container", version.Message, StringComparison.Ordinal);
        Assert.Contains("published versions of naip, newest first: v1", version.Message, StringComparison.Ordinal);
    }
}
