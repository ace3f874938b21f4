using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference;

/// <summary>
/// The two halves of a batch around the model call, shared by every engine (one-stage, lanes, two-stage): decode tiles
/// into one input buffer (in parallel, then hand their pooled file buffers back), packing the good ones to the front so
/// the model runs on those alone; and pair the model's output rows back with every input tile, failures in place.
/// </summary>
internal static class BatchDecoding
{
    /// <summary>Decodes every tile into its own position with up to <paramref name="workers"/> threads, then packs the good ones to the front of <paramref name="buffer"/>.</summary>
    public static (DecodeResult[] Results, int Succeeded) DecodePacked(
        TileDecoder decoder, IReadOnlyList<TileInput> tiles, float[] buffer, int tileLength, int workers, CancellationToken cancellationToken)
    {
        var results = new DecodeResult[tiles.Count];
        try
        {
            if (workers <= 1)
            {
                for (var i = 0; i < tiles.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[i] = decoder.Decode(tiles[i].Ref, tiles[i].Content.Span, buffer.AsSpan(i * tileLength, tileLength));
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
                Parallel.For(0, tiles.Count, options, i =>
                    results[i] = decoder.Decode(tiles[i].Ref, tiles[i].Content.Span, buffer.AsSpan(i * tileLength, tileLength)));
            }
        }
        finally
        {
            // The bytes are in the tensor now (or never will be): pooled file buffers go back at once.
            foreach (var tile in tiles)
            {
                tile.Release();
            }
        }

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

    /// <summary><see cref="DecodePacked"/> into a batch slot's buffer.</summary>
    public static DecodedBatch Into(BatchSlot slot, TileDecoder decoder, TileInput[] tiles, int workers, CancellationToken cancellationToken)
    {
        var (results, packed) = DecodePacked(decoder, tiles, slot.Buffer, slot.TileLength, workers, cancellationToken);
        return new DecodedBatch(tiles, results, packed);
    }

    /// <summary>One row per input tile, in input order: the next output row (copied out of the shared buffer) for each decoded tile, the decode error for the others.</summary>
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

    /// <summary><see cref="Rows(IReadOnlyList{TileInput}, DecodeResult[], ReadOnlySpan{float}, int)"/> of a decoded batch.</summary>
    public static RowResult[] Rows(DecodedBatch batch, ReadOnlySpan<float> output, int outputWidth) =>
        Rows(batch.Tiles, batch.Results, output, outputWidth);
}

/// <summary>A decoded batch: its tiles, each one's decode result, and how many succeeded (packed at the front of the buffer).</summary>
internal sealed record DecodedBatch(TileInput[] Tiles, DecodeResult[] Results, int Succeeded);
