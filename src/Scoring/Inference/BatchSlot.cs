using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// One reusable batch input buffer and the OrtValues that view it: the full-batch tensor is created once, a view for a
/// shorter (last or partly failed) batch is created once per size and cached. The floats are never reallocated.
/// </summary>
internal sealed class BatchSlot(int batchSize, int tileLength, long[] tileShape) : IDisposable
{
    private readonly Dictionary<int, OrtValue> _views = [];

    public float[] Buffer { get; } = new float[batchSize * tileLength];

    public int TileLength => tileLength;

    public OrtValue View(int count)
    {
        if (!_views.TryGetValue(count, out var view))
        {
            long[] shape = [count, .. tileShape];
            view = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Buffer.AsMemory(0, count * tileLength), shape);
            _views[count] = view;
        }

        return view;
    }

    public void Dispose()
    {
        foreach (var view in _views.Values)
        {
            view.Dispose();
        }

        _views.Clear();
    }
}
