using LandUse.Integration.Fixtures;
using LandUse.TestSupport;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
[assembly: AssemblyFixture(typeof(ModelFixture))]
[assembly: AssemblyFixture(typeof(TileSetFixture))]
