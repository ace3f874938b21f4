using System.Buffers;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// A tile file's bytes in a buffer rented from one shared pool, so reading tiles allocates no per-tile array (a 224 x
/// 224 PNG is 100-150 KB, above the large-object threshold: a fresh array per tile would go straight to the LOH).
/// Buffers up to <see cref="MaxPooledLength"/> are pooled; a larger file gets its own array. Dispose once the bytes are
/// decoded; disposing twice is harmless.
/// </summary>
public sealed class PooledBytes : IDisposable
{
    /// <summary>Files up to 1 MiB (any real tile) share pooled buffers.</summary>
    public const int MaxPooledLength = 1 << 20;

    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(MaxPooledLength, 64);
    private byte[]? _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes; empty once disposed.</summary>
    public ReadOnlyMemory<byte> Memory => _array is { } array ? array.AsMemory(0, Length) : ReadOnlyMemory<byte>.Empty;

    public static PooledBytes Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new PooledBytes(length <= MaxPooledLength ? Pool.Rent(Math.Max(1, length)) : new byte[length], length);
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes of <paramref name="stream"/> into a pooled buffer.</summary>
    public static async Task<PooledBytes> ReadAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = Rent(length);
        try
        {
            await stream.ReadExactlyAsync(bytes._array.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>Reads a file, but never more than <paramref name="maxBytes"/> of it (a decoder rejects longer files by length alone).</summary>
    public static async Task<PooledBytes> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, (int)Math.Min(stream.Length, Math.Min(maxBytes, int.MaxValue)), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null && array.Length <= MaxPooledLength)
        {
            Pool.Return(array);
        }
    }
}
