using System.Security.Cryptography;

namespace LandUse.Scoring.Bundles;

/// <summary>SHA-256 of a model file as the manifest records it (lower-case hex).</summary>
public static class ModelFileHash
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
