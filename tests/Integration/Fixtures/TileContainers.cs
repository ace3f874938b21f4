using Azure.Storage.Blobs;
using LandUse.TestSupport;

namespace LandUse.Integration.Fixtures;

/// <summary>A fresh Azurite container holding tile files under a prefix: the set-up of every blob-backed run test.</summary>
public static class TileContainers
{
    /// <summary>Creates <c>&lt;name&gt;-&lt;random&gt;</c> and uploads each file as <c>&lt;prefix&gt;/&lt;ref&gt;</c> (just <c>&lt;ref&gt;</c> when the prefix is empty).</summary>
    public static async Task<BlobContainerClient> UploadAsync(
        AzuriteFixture azurite, string name, string prefix, IEnumerable<(string Ref, string Path)> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var container = new BlobContainerClient(azurite.ConnectionString, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateAsync(cancellationToken: ct);
        var blobPrefix = prefix.Length == 0 ? "" : prefix + "/";
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (file, token) =>
            await container.GetBlobClient(blobPrefix + file.Ref).UploadAsync(file.Path, token));
        return container;
    }
}
