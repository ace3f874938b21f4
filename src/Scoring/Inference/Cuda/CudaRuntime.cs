using System.Runtime.InteropServices;

namespace LandUse.Scoring.Inference.Cuda;

/// <summary>
/// The few CUDA runtime calls the IOBinding path needs that ONNX Runtime's C# API does not offer: device buffers of
/// our own, page-locking host batches, and synchronous copies between them. The library is the libcudart ONNX Runtime's
/// CUDA provider links (CUDA 13, checked with the Dockerfile by tests/Worker.Tests/Docker/CudaDependencyTests), so it
/// is loaded already whenever a CUDA session exists; nothing here is called otherwise.
/// </summary>
internal static partial class CudaRuntime
{
    public const string Library = "libcudart.so.13";

    private const int HostToDevice = 1;
    private const int DeviceToHost = 2;

    public static IntPtr Allocate(long bytes)
    {
        Check(Malloc(out var pointer, (nuint)bytes), $"cudaMalloc({bytes})");
        return pointer;
    }

    public static void Release(IntPtr device) => _ = Free(device);

    /// <summary>Page-locks host memory so copies are DMA from it; false when the driver refuses (copies then stage through pageable memory).</summary>
    public static bool PageLock(IntPtr host, long bytes) => HostRegister(host, (nuint)bytes, 0) == 0;

    public static void Unlock(IntPtr host) => _ = HostUnregister(host);

    /// <summary>Copies host to device and waits until the device holds the data (a pageable source may otherwise still be in flight).</summary>
    public static void CopyToDevice(IntPtr device, IntPtr host, long bytes)
    {
        Check(Memcpy(device, host, (nuint)bytes, HostToDevice), "cudaMemcpy host to device");
        Check(StreamSynchronize(IntPtr.Zero), "cudaStreamSynchronize");
    }

    /// <summary>Copies device to host; returns once the host holds the data.</summary>
    public static void CopyToHost(IntPtr host, IntPtr device, long bytes) =>
        Check(Memcpy(host, device, (nuint)bytes, DeviceToHost), "cudaMemcpy device to host");

    public static void UseDevice(int device) => Check(SetDevice(device), $"cudaSetDevice({device})");

    private static void Check(int status, string call)
    {
        if (status != 0)
        {
            throw new InvalidOperationException($"{call} failed with CUDA error {status}: {Marshal.PtrToStringUTF8(ErrorString(status))}");
        }
    }

    [LibraryImport(Library, EntryPoint = "cudaMalloc")]
    private static partial int Malloc(out IntPtr pointer, nuint bytes);

    [LibraryImport(Library, EntryPoint = "cudaFree")]
    private static partial int Free(IntPtr pointer);

    [LibraryImport(Library, EntryPoint = "cudaHostRegister")]
    private static partial int HostRegister(IntPtr pointer, nuint bytes, uint flags);

    [LibraryImport(Library, EntryPoint = "cudaHostUnregister")]
    private static partial int HostUnregister(IntPtr pointer);

    [LibraryImport(Library, EntryPoint = "cudaMemcpy")]
    private static partial int Memcpy(IntPtr destination, IntPtr source, nuint bytes, int kind);

    [LibraryImport(Library, EntryPoint = "cudaStreamSynchronize")]
    private static partial int StreamSynchronize(IntPtr stream);

    [LibraryImport(Library, EntryPoint = "cudaSetDevice")]
    private static partial int SetDevice(int device);

    [LibraryImport(Library, EntryPoint = "cudaGetErrorString")]
    private static partial IntPtr ErrorString(int status);
}
