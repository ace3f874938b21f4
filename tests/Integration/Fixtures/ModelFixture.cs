using LandUse.Scoring.Bundles;
using LandUse.Scoring.Registry;
using LandUse.TestSupport;

namespace LandUse.Integration.Fixtures;

/// <summary>
/// A real model bundle for the tests: the ResNet18 backbone with a softmax head trained by the scoring trainer on a
/// small synthetic labeled set, built once and cached by TestSupport's <see cref="TestBundles"/>.
/// </summary>
public sealed class ModelFixture : IAsyncLifetime
{
    public string BundleDir { get; private set; } = "";

    /// <summary>What runs record for this bundle: <c>&lt;name&gt;/&lt;version&gt;</c> from its manifest.</summary>
    public string ModelVersion { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        BundleDir = await TestBundles.SmallAsync();
        ModelVersion = ModelReference.Of(ModelBundle.Load(BundleDir).Manifest).ToString();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
