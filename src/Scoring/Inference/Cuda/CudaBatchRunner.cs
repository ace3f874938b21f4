using LandUse.Scoring.Inference.Staged;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LandUse.Scoring.Inference.Cuda;

/// <summary>
/// Runs a CUDA session through IOBinding on device buffers of its own, allocated once at the largest batch and reused by
/// every batch: per batch, one copy of the decoded tiles from their page-locked host batch into the device input, the
/// run, and one copy of the output rows back. The session's input and output are bound once per batch shape (a full
/// batch, or a shorter last or partly failed one) to tensors over those same device buffers.
/// </summary>
internal sealed class CudaBatchRunner : IBatchRunner
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly long[] _tileShape;
    private readonly int _tileLength;
    private readonly int _outputWidth;
    private readonly IntPtr _deviceInput;
    private readonly IntPtr _deviceOutput;
    private readonly OrtMemoryInfo _deviceMemory;
    private readonly RunOptions _runOptions = new();
    private readonly Dictionary<int, Bound> _bindings = [];
    private readonly HashSet<IntPtr> _locked = [];

    public CudaBatchRunner(InferenceSession session, string inputName, string outputName, long[] tileShape, int tileLength, int outputWidth, int batchSize, int deviceId = 0)
    {
        _session = session;
        _inputName = inputName;
        _outputName = outputName;
        _tileShape = tileShape;
        _tileLength = tileLength;
        _outputWidth = outputWidth;
        CudaRuntime.UseDevice(deviceId);
        _deviceInput = CudaRuntime.Allocate(InputBytes(batchSize));
        try
        {
            _deviceOutput = CudaRuntime.Allocate(OutputBytes(batchSize));
        }
        catch
        {
            CudaRuntime.Release(_deviceInput);
            throw;
        }

        _deviceMemory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, deviceId, OrtMemType.Default);
    }

    public string Provider => SessionFactory.Cuda;

    public void Attach(HostBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (address, bytes) in new[] { (batch.InputAddress, (long)batch.Input.Length * sizeof(float)), (batch.OutputAddress, (long)batch.Output.Length * sizeof(float)) })
        {
            if (CudaRuntime.PageLock(address, bytes))
            {
                _locked.Add(address);
            }
        }
    }

    public void Detach(HostBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var address in new[] { batch.InputAddress, batch.OutputAddress })
        {
            if (_locked.Remove(address))
            {
                CudaRuntime.Unlock(address);
            }
        }
    }

    public void Run(HostBatch batch, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var bound = BindingFor(count);
        CudaRuntime.CopyToDevice(_deviceInput, batch.InputAddress, InputBytes(count));
        _session.RunWithBinding(_runOptions, bound.Binding);
        bound.Binding.SynchronizeBoundOutputs();
        CudaRuntime.CopyToHost(batch.OutputAddress, _deviceOutput, OutputBytes(count));
    }

    public void Dispose()
    {
        foreach (var bound in _bindings.Values)
        {
            bound.Dispose();
        }

        _bindings.Clear();
        _runOptions.Dispose();
        _deviceMemory.Dispose();
        _session.Dispose();
        CudaRuntime.Release(_deviceInput);
        CudaRuntime.Release(_deviceOutput);
    }

    private Bound BindingFor(int count)
    {
        if (_bindings.TryGetValue(count, out var bound))
        {
            return bound;
        }

        long[] inputShape = [count, .. _tileShape];
        var input = OrtValue.CreateTensorValueWithData(_deviceMemory, TensorElementType.Float, inputShape, _deviceInput, InputBytes(count));
        var output = OrtValue.CreateTensorValueWithData(_deviceMemory, TensorElementType.Float, [count, _outputWidth], _deviceOutput, OutputBytes(count));
        var binding = _session.CreateIoBinding();
        binding.BindInput(_inputName, input);
        binding.BindOutput(_outputName, output);
        bound = new Bound(binding, input, output);
        _bindings[count] = bound;
        return bound;
    }

    private long InputBytes(int count) => (long)count * _tileLength * sizeof(float);

    private long OutputBytes(int count) => (long)count * _outputWidth * sizeof(float);

    private sealed record Bound(OrtIoBinding Binding, OrtValue Input, OrtValue Output) : IDisposable
    {
        public void Dispose()
        {
            Binding.Dispose();
            Input.Dispose();
            Output.Dispose();
        }
    }
}
