using System.Runtime.InteropServices;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// Hands freed native heap memory back to the operating system. Opening an ONNX Runtime session optimizes the graph
/// and frees what it no longer needs, but glibc keeps the freed pages (about 150 MB for the FP32 ResNet18 bundle)
/// in the process's working set until <c>malloc_trim</c> is called; and scoring's large tensors are given back as soon
/// as they are freed (<see cref="ReleaseLargeBlocksOnFree"/>). A no-op where there is no glibc.
/// </summary>
public static class NativeHeap
{
    /// <summary>Blocks from this size up are mapped on their own and unmapped when freed (1 MiB: a tile's pixels stay in the heap).</summary>
    public const int LargeBlockBytes = 1 << 20;

    // mallopt's parameter number for the mmap threshold (malloc.h).
    private const int MallocMmapThreshold = -3;

    private static bool _unavailable;
    private static int _largeBlocksSet;

    /// <summary>Trims the native heap; true when it ran.</summary>
    public static bool Trim()
    {
        if (_unavailable || !OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries without malloc_trim.
            _unavailable = true;
            return false;
        }
    }

    /// <summary>
    /// Fixes glibc's mmap threshold at <see cref="LargeBlockBytes"/>, once per process. Left alone, glibc raises the
    /// threshold to the size of each large block freed (up to 32 MiB), so ONNX Runtime's activations (25 MB for conv1 of
    /// a batch of 8) then come from the per-thread heaps, which keep them after every call: a run of 600 tiles peaked at
    /// 569 MiB that way against 463 MiB with the threshold fixed, for the same CPU time (`/usr/bin/time -f %M`).
    /// </summary>
    public static bool ReleaseLargeBlocksOnFree()
    {
        if (_unavailable || !OperatingSystem.IsLinux() || Interlocked.Exchange(ref _largeBlocksSet, 1) == 1)
        {
            return false;
        }

        try
        {
            return MallOpt(MallocMmapThreshold, LargeBlockBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
