using System.Globalization;
using Azure.Storage.Blobs.Specialized;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// A write-only stream onto a block blob that stages a block every <see cref="BlockSize"/> bytes and commits the block
/// list only in <see cref="CommitAsync"/>: an artifact of any size (a country's predictions.geojson) streams in bounded
/// memory, and a write that fails half-way commits nothing, so readers keep seeing the previous blob whole.
/// Uncommitted blocks are discarded by the service.
/// </summary>
internal sealed class StagedBlockStream(BlockBlobClient blob, CancellationToken cancellationToken) : Stream
{
    /// <summary>4 MiB blocks: 50,000 blocks (the service's limit) hold about 200 GB.</summary>
    public const int BlockSize = 4 * 1024 * 1024;

    private readonly MemoryStream _block = new();
    private readonly List<string> _ids = [];
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Blocks staged so far.</summary>
    public int Blocks => _ids.Count;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, BlockSize - (int)_block.Length);
            _block.Write(buffer[..take]);
            _length += take;
            buffer = buffer[take..];
            if (_block.Length == BlockSize)
            {
#pragma warning disable CA2012 // Synchronous writers (a StreamWriter's Write) get the same staging, blocking.
                StageAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
#pragma warning restore CA2012
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, BlockSize - (int)_block.Length);
            _block.Write(buffer.Span[..take]);
            _length += take;
            buffer = buffer[take..];
            if (_block.Length == BlockSize)
            {
                await StageAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stages what is left and commits every block as the blob's content (an empty blob when nothing was written).</summary>
    public async Task CommitAsync()
    {
        if (_block.Length > 0)
        {
            await StageAsync(cancellationToken).ConfigureAwait(false);
        }

        await blob.CommitBlockListAsync(_ids, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _block.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask StageAsync(CancellationToken cancellationToken)
    {
        // Fixed-length ids (the service wants one length per blob), unique per write so a retry never reuses a stale block.
        var id = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}{_ids.Count:D6}")));
        _block.Position = 0;
        await blob.StageBlockAsync(id, _block, cancellationToken: cancellationToken).ConfigureAwait(false);
        _ids.Add(id);
        _block.SetLength(0);
    }
}
