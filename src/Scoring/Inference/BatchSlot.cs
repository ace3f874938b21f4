using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Inference;

/// <summary>
/// One reusable batch input buffer and the OrtValues that view it: the full-batch tensor is created once, a view for a
/// shorter (last or partly failed) batch, or for a slice of it (a model call over part of the batch), is created once
/// per start and size and cached. The floats are never reallocated.
/// </summary>
internal sealed class BatchSlot(int batchSize, int tileLength, long[] tileShape) : IDisposable
{
    private readonly Dictionary<(int Start, int Count), OrtValue> _views = [];

    public float[] Buffer { get; } = new float[batchSize * tileLength];

    public int TileLength => tileLength;

    public OrtValue View(int count) => View(0, count);

    /// <summary>The tensor of tiles <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1.</summary>
    public OrtValue View(int start, int count)
    {
        if (!_views.TryGetValue((start, count), out var view))
        {
            long[] shape = [count, .. tileShape];
            view = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Buffer.AsMemory(start * tileLength, count * tileLength), shape);
            _views[(start, count)] = view;
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
