using LandUse.Scoring.Imaging;

namespace LandUse.Scoring.Inference;

/// <summary>
/// The two halves of a batch around the model call, shared by every engine: decode tiles into a batch buffer (then
/// hand their file buffers back), packing the good ones to the front; and turn the model's output rows back into one
/// result per tile, decode failures in place.
/// </summary>
internal static class BatchDecode
{
    /// <summary>Decodes every tile into its own position with up to <paramref name="workers"/> threads, then packs the good ones to the front.</summary>
    public static DecodedBatch Into(BatchSlot slot, TileDecoder decoder, TileInput[] tiles, int workers, CancellationToken cancellationToken)
    {
        var results = new DecodeResult[tiles.Length];
        var length = slot.TileLength;
        try
        {
            if (workers <= 1)
            {
                for (var i = 0; i < tiles.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[i] = decoder.Decode(tiles[i].Ref, tiles[i].Content.Span, slot.Buffer.AsSpan(i * length, length));
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
                Parallel.For(0, tiles.Length, options, i =>
                    results[i] = decoder.Decode(tiles[i].Ref, tiles[i].Content.Span, slot.Buffer.AsSpan(i * length, length)));
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
        for (var i = 0; i < tiles.Length; i++)
        {
            if (!results[i].Succeeded)
            {
                continue;
            }

            if (packed != i)
            {
                slot.Buffer.AsSpan(i * length, length).CopyTo(slot.Buffer.AsSpan(packed * length, length));
            }

            packed++;
        }

        return new DecodedBatch(tiles, results, packed);
    }

    /// <summary>One result per tile, in input order: the model's output row (copied out of the shared buffer) or the decode failure.</summary>
    public static RowResult[] Rows(DecodedBatch batch, ReadOnlySpan<float> output, int outputWidth)
    {
        var rows = new RowResult[batch.Tiles.Length];
        var next = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var tileRef = batch.Tiles[i].Ref;
            var result = batch.Results[i];
            if (!result.Succeeded)
            {
                rows[i] = new RowResult(tileRef, null, result.Message, false);
                continue;
            }

            rows[i] = new RowResult(tileRef, output.Slice(next * outputWidth, outputWidth).ToArray(), null, result.Resized);
            next++;
        }

        return rows;
    }
}

/// <summary>A decoded batch: its tiles, each one's decode result, and how many succeeded (packed at the front of the buffer).</summary>
internal sealed record DecodedBatch(TileInput[] Tiles, DecodeResult[] Results, int Succeeded);
