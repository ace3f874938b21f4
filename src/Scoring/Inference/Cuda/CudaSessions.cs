using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference.Cuda;

/// <summary>
/// Opens a session on the CUDA execution provider and proves it runs there. ONNX Runtime 1.31 fails in two ways that
/// can look like success: the CPU package has no CUDA entry point at all, and the GPU package throws "Failed to load
/// shared library" when libcudart/libcublas/cuDNN are missing (a CPU session would then be the only one left); and a
/// session that did get the provider places on the CPU, without a word, every node the provider declines. So the
/// session is created with profiling on, runs once on zeros, and its profile must show the compute-heavy nodes on
/// CUDA. Anything else gives no session and the reason, which callers surface (the worker's <c>/readyz</c>).
/// </summary>
internal static class CudaSessions
{
    /// <summary>A CUDA session that ran on CUDA, or null and why not.</summary>
    public static (InferenceSession? Session, string? Reason) TryOpen(string? modelPath, byte[]? modelBytes, Func<SessionOptions> baseOptions, int deviceId = 0)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        var profiles = Directory.CreateTempSubdirectory("landuse-cuda-placement-");
        try
        {
            using var options = baseOptions();
            try
            {
                options.AppendExecutionProvider_CUDA(deviceId);
            }
            catch (EntryPointNotFoundException)
            {
                return (null, "this build of ONNX Runtime has no CUDA execution provider (the CPU package Microsoft.ML.OnnxRuntime; the GPU image builds with -p:Gpu=true against Microsoft.ML.OnnxRuntime.Gpu.Linux)");
            }
            catch (OnnxRuntimeException ex)
            {
                return (null, $"the CUDA execution provider did not load ({ex.Message}); {CudaProviderLibrary.Diagnose()}");
            }

            // The prefix must be set before profiling is switched on: ONNX Runtime takes it when profiling starts.
            options.ProfileOutputPathPrefix = Path.Combine(profiles.FullName, "placement");
            options.EnableProfiling = true;
            InferenceSession session;
            try
            {
                session = modelPath is not null ? new InferenceSession(modelPath, options) : new InferenceSession(modelBytes!, options);
            }
            catch (OnnxRuntimeException ex)
            {
                return (null, $"a session on CUDA device {deviceId} could not start (no GPU, or a driver too old for CUDA 13?): {ex.Message}");
            }

            var reason = Placement(session);
            if (reason is null)
            {
                return (session, null);
            }

            session.Dispose();
            return (null, reason);
        }
        finally
        {
            try
            {
                profiles.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Runs the session once on zeros and reads where its nodes ran; null when the heavy ones ran on CUDA.</summary>
    internal static string? Placement(InferenceSession session, string provider = NodePlacement.CudaProvider)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            RunOnZeros(session);
        }
        catch (OnnxRuntimeException ex)
        {
            _ = session.EndProfiling();
            return $"the first run on CUDA failed: {ex.Message}";
        }

        var placement = NodePlacement.Read(session.EndProfiling());
        return placement.Shortfall(provider) is { } shortfall ? $"the session was created, but {shortfall}" : null;
    }

    private static void RunOnZeros(InferenceSession session)
    {
        var names = session.InputNames.ToArray();
        var inputs = new List<OrtValue>(names.Length);
        try
        {
            foreach (var name in names)
            {
                var meta = session.InputMetadata[name];
                long[] shape = [.. meta.Dimensions.Select(d => d > 0 ? (long)d : 1L)];
                var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, meta.ElementDataType, shape);
                value.GetTensorMutableRawData().Clear();
                inputs.Add(value);
            }

            using var run = new RunOptions();
            using var outputs = session.Run(run, names, inputs, session.OutputNames);
        }
        finally
        {
            foreach (var value in inputs)
            {
                value.Dispose();
            }
        }
    }
}
