using Azure.Storage.Blobs;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Tests.Support;
using LandUse.TestSupport;

namespace LandUse.Scoring.Tests.Registry;

/// <summary>One Azurite for the registry tests, a fresh registry container per test, and tiny real bundles to publish.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly TempFolder _bundles = new("landuse-registry-bundles");

    public string ConnectionString => _azurite.ConnectionString;

    public async ValueTask InitializeAsync() => await _azurite.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _azurite.DisposeAsync();
        _bundles.Dispose();
    }

    /// <summary>An empty registry container of its own.</summary>
    public BlobContainerClient NewContainer() => new(ConnectionString, "models-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>A tiny bundle named <paramref name="name"/>/<paramref name="version"/>; <paramref name="logits"/> gives other model bytes.</summary>
    internal ModelBundle Bundle(string name, string version, bool logits = false, IReadOnlyList<string>? labels = null) =>
        ModelBundleWriter.Write(
            _bundles.Combine(Guid.NewGuid().ToString("N")[..8]),
            TinyModel.Build(outputs: labels?.Count ?? 6, softmax: !logits),
            TinyModel.Manifest(logits ? OutputKinds.Logits : OutputKinds.Probabilities, labels) with { Name = name, Version = version });
}

/// <summary>The registry tests share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryGroup : ICollectionFixture<RegistryFixture>
{
    public const string Name = "Model registry on Azurite";
}
