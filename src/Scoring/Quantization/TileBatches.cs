using LandUse.Scoring.Hosting;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using LandUse.Scoring.Training;

namespace LandUse.Scoring.Quantization;

/// <summary>
/// Labeled tiles decoded into batch tensors with the scorer's own decoder (so calibration and evaluation see exactly
/// what scoring sees), decoded in parallel across the cores; undecodable tiles are left out and named.
/// </summary>
internal static class TileBatches
{
    public static IEnumerable<TileBatch> Read(IReadOnlyList<LabeledTile> tiles, InputSpec spec, ScoringOptions options, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        var decoder = new TileDecoder(spec, options);
        var length = spec.TensorLength;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MachineCores.Count, CancellationToken = ct };
        foreach (var chunk in tiles.Chunk(batchSize))
        {
            var buffer = new float[chunk.Length * length];
            var results = new DecodeResult[chunk.Length];
            var unreadable = new string?[chunk.Length];
            Parallel.For(0, chunk.Length, parallel, i =>
            {
                var (content, error) = Read(chunk[i].Path);
                unreadable[i] = error;
                results[i] = error is null ? decoder.Decode(chunk[i].Path, content, buffer.AsSpan(i * length, length)) : default;
            });

            var kept = new List<LabeledTile>(chunk.Length);
            var failed = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (unreadable[i] is { } error)
                {
                    failed.Add(error);
                    continue;
                }

                if (!results[i].Succeeded)
                {
                    failed.Add(results[i].Message ?? chunk[i].Path);
                    continue;
                }

                if (kept.Count != i)
                {
                    buffer.AsSpan(i * length, length).CopyTo(buffer.AsSpan(kept.Count * length, length));
                }

                kept.Add(chunk[i]);
            }

            yield return new TileBatch(buffer, kept, failed, [kept.Count, 3, spec.Height, spec.Width]);
        }
    }

    private static (byte[] Content, string? Error) Read(string path)
    {
        try
        {
            return (File.ReadAllBytes(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], $"Unreadable: tile '{path}' could not be read ({ex.Message}).");
        }
    }
}

/// <summary>One decoded batch: the first Tiles.Count tensors of Buffer are the tiles, in order; Failed names the rest.</summary>
internal sealed record TileBatch(float[] Buffer, IReadOnlyList<LabeledTile> Tiles, IReadOnlyList<string> Failed, long[] Shape);
