using System.Runtime.InteropServices;

namespace LandUse.Scoring.Inference.Cuda;

/// <summary>
/// Finds ONNX Runtime's CUDA provider library next to the application and says why it does not load. ONNX Runtime
/// itself only reports "Failed to load shared library" to the caller (the loader's reason goes to its console log),
/// so the readiness reason comes from asking the dynamic loader the same question.
/// </summary>
internal static partial class CudaProviderLibrary
{
    public const string FileName = "libonnxruntime_providers_cuda.so";

    private const int LoadNow = 2;

    /// <summary>Where the provider library is, or null when this build has none (the CPU package).</summary>
    public static string? Locate()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>One sentence: the library is absent, or the loader's error (a missing libcudart/libcublas/cuDNN), or that it loads.</summary>
    public static string Diagnose() =>
        Locate() is { } path
            ? Diagnose(path)
            : $"{FileName} is not next to the application: this build has the CPU ONNX Runtime package (the GPU image builds with -p:Gpu=true)";

    /// <summary>What the dynamic loader says about the provider library at <paramref name="path"/>.</summary>
    internal static string Diagnose(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return $"{path} is there, but only Linux loads it";
        }

        // Bind dlerror first (and clear any stale error): resolving it after dlopen would run the loader again and
        // lose dlopen's message.
        _ = LastError();
        var handle = Open(path, LoadNow);
        if (handle == IntPtr.Zero)
        {
            var reason = Marshal.PtrToStringUTF8(LastError()) ?? "the loader gave no reason";
            return $"loading {path} fails: {reason}";
        }

        _ = Close(handle);
        return $"{path} and the CUDA libraries it links load";
    }

    [LibraryImport("libc.so.6", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "dlerror")]
    private static partial IntPtr LastError();

    [LibraryImport("libc.so.6", EntryPoint = "dlclose")]
    private static partial int Close(IntPtr handle);
}
