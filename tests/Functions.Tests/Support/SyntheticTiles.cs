using Azure.Storage.Blobs;
using LandUse.Scoring.Labels;
using LandUse.TestSupport;

namespace LandUse.Functions.Tests.Support;

/// <summary>Uploads deterministic synthetic tiles to an Azurite container as <c>&lt;Label&gt;/&lt;id&gt;.png</c>, so truth comes from the folder.</summary>
internal static class SyntheticTiles
{
    public static async Task<BlobContainerClient> UploadAsync(string connectionString, string container, int perClass, params LandCover[] classes)
    {
        var client = new BlobContainerClient(connectionString, container);
        await client.CreateIfNotExistsAsync();
        foreach (var cover in classes)
        {
            for (var i = 0; i < perClass; i++)
            {
                var png = SyntheticLabels.Png(cover, i);
                await client.GetBlobClient($"{cover}/{cover.ToString().ToLowerInvariant()}-{i}.png").UploadAsync(new BinaryData(png), overwrite: true);
            }
        }

        return client;
    }

    public static byte[] Png(LandCover cover, int index) => SyntheticLabels.Png(cover, index);
}
