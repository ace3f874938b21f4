using Azure.Identity;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Stores;

namespace LandUse.Cli.Commands;

/// <summary>
/// The tile stores a command reads recorded runs' tiles from (review thumbnails, grid.json): local folders as they are,
/// blob sources through the connection `landuse run` recorded them under, given again here (or AZURE_STORAGE_CONNECTION_STRING).
/// </summary>
internal static class TileSources
{
    public static TileStoreFactory Open(string? connectionString)
    {
        var connections = new StorageConnections();
        var value = connectionString ?? Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");
        if (!string.IsNullOrWhiteSpace(value))
        {
            connections.Set(RunCommand.TilesConnection, value);
        }

        return new TileStoreFactory(new StorageClients(connections, new DefaultAzureCredential()));
    }
}
