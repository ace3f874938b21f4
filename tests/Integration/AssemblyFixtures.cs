using LandUse.Integration.Fixtures;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
[assembly: AssemblyFixture(typeof(ModelFixture))]
[assembly: AssemblyFixture(typeof(TileSetFixture))]
