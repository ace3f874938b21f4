using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference.Staged;

/// <summary>
/// One batch's host memory: the decoded input tensor and the model's output rows, both on the pinned object heap so
/// their addresses never move (the CUDA runner page-locks them and copies from and to them directly). Tensor views of
/// the first N tiles are made once per N.
/// </summary>
internal sealed class HostBatch : IDisposable
{
    private readonly long[] _tileShape;
    private readonly int _outputWidth;
    private readonly Dictionary<int, (OrtValue Input, OrtValue Output)> _views = [];

    public HostBatch(int batchSize, int tileLength, long[] tileShape, int outputWidth)
    {
        TileLength = tileLength;
        _tileShape = tileShape;
        _outputWidth = outputWidth;
        Input = GC.AllocateArray<float>(batchSize * tileLength, pinned: true);
        Output = GC.AllocateArray<float>(batchSize * outputWidth, pinned: true);
    }

    public float[] Input { get; }

    public float[] Output { get; }

    public int TileLength { get; }

    public IntPtr InputAddress => Marshal.UnsafeAddrOfPinnedArrayElement(Input, 0);

    public IntPtr OutputAddress => Marshal.UnsafeAddrOfPinnedArrayElement(Output, 0);

    /// <summary>CPU tensors over the first <paramref name="count"/> tiles and output rows (for runners that run on host memory).</summary>
    public (OrtValue Input, OrtValue Output) Views(int count)
    {
        if (!_views.TryGetValue(count, out var views))
        {
            views = (
                OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Input.AsMemory(0, count * TileLength), [count, .. _tileShape]),
                OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Output.AsMemory(0, count * _outputWidth), [count, _outputWidth]));
            _views[count] = views;
        }

        return views;
    }

    public void Dispose()
    {
        foreach (var (input, output) in _views.Values)
        {
            input.Dispose();
            output.Dispose();
        }

        _views.Clear();
    }
}
