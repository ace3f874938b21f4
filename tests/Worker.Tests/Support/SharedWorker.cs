using LandUse.Worker.Tests.Support;

[assembly: AssemblyFixture(typeof(SharedWorker))]

namespace LandUse.Worker.Tests.Support;

/// <summary>
/// One worker for every test that only reads from it (model loads are the slow part): shared-key auth, a tile root
/// of real PNGs, a blob service it may read from, and caps of 32 tiles and 4096 bytes per request.
/// </summary>
public sealed class SharedWorker : IAsyncLifetime
{
    public const int MaxTiles = 32;
    public const int MaxBytes = 4096;
    public const string BlobService = "https://landusetiles.blob.core.windows.net/";

    internal TileFolder Tiles { get; private set; } = null!;

    internal WorkerServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Tiles = TileFolder.Create(perClass: 3);
        File.WriteAllText(Tiles.PathOf("corrupt.png"), "this is not a png");
        var settings = await WorkerServer.SettingsAsync(
            Tiles.Root,
            ("Worker:Tiles:BlobServiceUri", BlobService),
            ("Worker:MaxTilesPerRequest", MaxTiles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Worker:MaxRequestBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Server = await WorkerServer.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Tiles.Dispose();
    }
}
