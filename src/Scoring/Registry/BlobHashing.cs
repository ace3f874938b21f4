using System.Buffers;
using System.Security.Cryptography;
using Azure.Storage.Blobs;

namespace LandUse.Scoring.Registry;

/// <summary>Streams a blob through SHA-256 (into a file, or nowhere), so a model is verified while it is read, not after.</summary>
internal static class BlobHashing
{
    private const int BufferBytes = 1 << 20;

    /// <summary>Copies the blob into <paramref name="destination"/> (null: only hashes it) and returns its lower-case hex SHA-256.</summary>
    public static async Task<string> CopyAsync(BlobClient blob, Stream? destination, CancellationToken cancellationToken)
    {
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var content = download.Value;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var source = content.Content;
            await using (source.ConfigureAwait(false))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    if (destination is not null)
                    {
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
