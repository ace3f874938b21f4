using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference;

/// <summary>
/// The two halves of a batch that every engine shares: decoding tiles into one input buffer (in parallel, the good
/// ones packed to the front so the model runs on those alone), and pairing the model's output rows back with every
/// input tile, failures included, in input order.
/// </summary>
internal static class BatchDecoding
{
    /// <summary>Decodes every tile into its own position, then packs the good ones to the front of <paramref name="buffer"/>.</summary>
    public static (DecodeResult[] Results, int Succeeded) DecodePacked(
        TileDecoder decoder, IReadOnlyList<TileInput> tiles, float[] buffer, int tileLength, int parallelism, CancellationToken cancellationToken)
    {
        var results = new DecodeResult[tiles.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        Parallel.For(0, tiles.Count, options, i =>
        {
            var tile = tiles[i];
            results[i] = decoder.Decode(tile.Ref, tile.Content.Span, buffer.AsSpan(i * tileLength, tileLength));
        });

        var packed = 0;
        for (var i = 0; i < tiles.Count; i++)
        {
            if (!results[i].Succeeded)
            {
                continue;
            }

            if (packed != i)
            {
                buffer.AsSpan(i * tileLength, tileLength).CopyTo(buffer.AsSpan(packed * tileLength, tileLength));
            }

            packed++;
        }

        return (results, packed);
    }

    /// <summary>One row per input tile: the next output row for each decoded tile, the decode error for the others.</summary>
    public static RowResult[] Rows(IReadOnlyList<TileInput> tiles, DecodeResult[] results, ReadOnlySpan<float> output, int outputWidth)
    {
        var rows = new RowResult[tiles.Count];
        var next = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var result = results[i];
            if (!result.Succeeded)
            {
                rows[i] = new RowResult(tiles[i].Ref, null, result.Message, false);
                continue;
            }

            rows[i] = new RowResult(tiles[i].Ref, output.Slice(next * outputWidth, outputWidth).ToArray(), null, result.Resized);
            next++;
        }

        return rows;
    }
}
