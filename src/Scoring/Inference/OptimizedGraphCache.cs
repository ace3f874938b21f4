using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using LandUse.Scoring.Hosting;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// ONNX Runtime's CPU graph optimizations (NCHWc layout, fusions) take most of a session's start: 0.76 of the 1.2 s
/// `landuse score` spent before its first tile with the FP32 ResNet18. The first CPU session of a model saves the
/// optimized graph in the local cache (<see cref="LocalCache"/>, <c>ort-graphs/</c>), keyed by the model's sha256, the
/// ONNX Runtime version and the CPU's vector width, since the optimized graph is specific to them; later sessions load
/// that graph with the optimizations off (0.3 s). The folder keeps the <see cref="MaxEntries"/> graphs built last.
/// Anything that goes wrong falls back to the model itself.
/// </summary>
internal static class OptimizedGraphCache
{
    public const string FolderName = "ort-graphs";

    /// <summary>Graphs kept (the FP32 ResNet18's is 64 MB): the oldest beyond this are deleted when a new one is saved.</summary>
    public const int MaxEntries = 8;

    /// <summary>The default folder: <c>ort-graphs/</c> in the local cache.</summary>
    public static string DefaultFolder() => Path.Combine(LocalCache.Root(), FolderName);

    /// <summary>Where the optimized graph of the model with this sha256 lives for this runtime and CPU.</summary>
    public static string PathFor(string folder, string modelSha256) =>
        Path.Combine(folder, $"{modelSha256.ToLowerInvariant()}-ort{OrtEnv.Instance().GetVersionString()}-{CpuKind()}.onnx");

    /// <summary>
    /// A CPU session: from the cached optimized graph when there is one, else from the model, saving its optimized graph
    /// for the next time (written to a temporary name and moved into place, so readers never see half a file).
    /// </summary>
    public static InferenceSession Open(string modelPath, string cached, Func<SessionOptions> options)
    {
        if (File.Exists(cached))
        {
            try
            {
                using var fromCache = options();
                fromCache.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
                return new InferenceSession(cached, fromCache);
            }
            catch (OnnxRuntimeException)
            {
                // A damaged or foreign entry: drop it and build it again below.
                TryDelete(cached);
            }
        }

        var temporary = $"{cached}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            using var saving = options();
            saving.OptimizedModelFilePath = temporary;

            // ONNX Runtime warns that an NCHWc graph is hardware specific; the entry's name carries the CPU kind for that.
            saving.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            InferenceSession session;
            try
            {
                session = new InferenceSession(modelPath, saving);
            }
            catch (OnnxRuntimeException)
            {
                // The folder exists but refuses the file (read-only, full): ONNX Runtime fails the session rather than the save.
                // A model that cannot be opened at all fails again below, with its own error.
                throw new IOException($"Could not write the optimized graph {temporary}.");
            }

            try
            {
                File.Move(temporary, cached, overwrite: true);
                KeepNewest(Path.GetDirectoryName(cached)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
            }

            return session;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No writable cache (a read-only home, a full disk): the model as it is.
            TryDelete(temporary);
            using var plain = options();
            return new InferenceSession(modelPath, plain);
        }
    }

    /// <summary>What the optimized graph depends on in the CPU: NCHWc blocks are 16 floats with AVX-512, 8 with AVX2.</summary>
    private static string CpuKind() =>
        RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 when Avx512F.IsSupported => "x64-avx512",
            Architecture.X64 when Avx2.IsSupported => "x64-avx2",
            var other => other.ToString().ToLowerInvariant(),
        };

    private static void KeepNewest(string folder)
    {
        foreach (var old in new DirectoryInfo(folder).EnumerateFiles("*.onnx").OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaxEntries))
        {
            TryDelete(old.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
