using System.Buffers;
using System.Runtime.InteropServices;

namespace LandUse.Scoring.Imaging;

/// <summary>
/// A pinned managed pixel buffer for one decode: pooled up to 1 MiB (tile-sized images, the common case), allocated and
/// dropped beyond that so a rare large image is never kept alive by a pool. Managed, so tests can measure what a decode takes.
/// </summary>
internal sealed class PixelBuffer : IDisposable
{
    private const int PooledBytes = 1024 * 1024;
    private readonly byte[] _array;
    private readonly int _length;
    private GCHandle _pin;

    private PixelBuffer(byte[] array, int length)
    {
        _array = array;
        _length = length;
        _pin = GCHandle.Alloc(array, GCHandleType.Pinned);
    }

    public IntPtr Address => _pin.AddrOfPinnedObject();

    public Span<byte> Span => _array.AsSpan(0, _length);

    public static PixelBuffer Rent(int length) =>
        new(length <= PooledBytes ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length), length);

    public void Dispose()
    {
        if (!_pin.IsAllocated)
        {
            return;
        }

        _pin.Free();
        if (_array.Length <= PooledBytes)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
