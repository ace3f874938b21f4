using System.Runtime.InteropServices;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// Hands freed native heap memory back to the operating system. Opening an ONNX Runtime session optimizes the graph
/// and frees what it no longer needs, but glibc keeps the freed pages (about 150 MB for the FP32 ResNet18 bundle)
/// in the process's working set until <c>malloc_trim</c> is called. A no-op where there is no glibc.
/// </summary>
public static class NativeHeap
{
    private static bool _unavailable;

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

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
