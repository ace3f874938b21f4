using System.Globalization;
using Azure.Data.Tables;

namespace LandUse.Pipeline.Predictions;

/// <summary>
/// A table string property holds at most 32K characters; longer JSON (a page manifest, a summary) is split over
/// <c>name0</c>, <c>name1</c>, … and joined again on read.
/// </summary>
internal static class ChunkedText
{
    public const int ChunkChars = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        var chunks = 0;
        for (var start = 0; start < text.Length || chunks == 0; start += ChunkChars)
        {
            entity[Name(name, chunks)] = text.Substring(start, Math.Min(ChunkChars, text.Length - start));
            chunks++;
        }

        entity[name + "Chunks"] = chunks;
    }

    public static string? Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "Chunks");
        if (chunks is null)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, chunks.Value).Select(i => entity.GetString(Name(name, i))));
    }

    private static string Name(string name, int index) => name + index.ToString(CultureInfo.InvariantCulture);
}
