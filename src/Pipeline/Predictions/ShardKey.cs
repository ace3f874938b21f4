using System.Globalization;
using System.Text;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// Spreads a run's rows over <see cref="Count"/> table partitions with a stable hash (FNV-1a over UTF-8), never
/// <c>string.GetHashCode</c>, which changes per process: a retry must land on the same partition and row.
/// </summary>
public static class ShardKey
{
    public const int Count = 64;

    /// <summary>FNV-1a 32-bit hash of the key's UTF-8 bytes.</summary>
    public static uint Fnv1a(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const uint offset = 2166136261;
        const uint prime = 16777619;
        var hash = offset;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(key) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= prime;
        }

        return hash;
    }

    public static int ShardOf(string tileRef) => (int)(Fnv1a(tileRef) % Count);

    /// <summary><c>&lt;runId&gt;-&lt;shard:00&gt;</c>.</summary>
    public static string PartitionKey(string runId, string tileRef) => PartitionKey(runId, ShardOf(tileRef));

    public static string PartitionKey(string runId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}-{shard:D2}");
}
