using LandUse.TestSupport;

namespace LandUse.Pipeline.Tests.Support;

/// <summary>The Pipeline tests that need real Table and Blob storage share one Azurite, started only when one of them runs.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
