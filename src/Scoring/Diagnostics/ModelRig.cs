using Google.Protobuf;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// The model under test (preprocess + ResNet18 + Flatten, the fused bundle minus its 512x6 head) with one session
/// and input/output tensors filled once, so a run measures ONNX Runtime alone: no decoding, no allocation.
/// </summary>
public sealed class ModelRig : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly RunOptions _run = new();

    public ModelRig(int batch, ReadOnlySpan<byte> tile, ScoringOptions? options = null)
    {
        Batch = batch;
        var model = BackboneGraph.BuildFeatureModel().ToByteArray();
        (_session, Provider) = SessionFactory.Open(null, model, "benchmark", options ?? new ScoringOptions(), batch, NullLogger.Instance);
        var spec = InputSpec.Rgb255();
        var input = new float[batch * spec.TensorLength];
        var decoder = new TileDecoder(spec);
        for (var i = 0; i < batch; i++)
        {
            decoder.Decode("bench", tile, input.AsSpan(i * spec.TensorLength, spec.TensorLength));
        }

        _input = OrtValue.CreateTensorValueFromMemory(input, [batch, 3, spec.Height, spec.Width]);
        _output = OrtValue.CreateTensorValueFromMemory(new float[batch * BackboneGraph.FeatureCount], [batch, BackboneGraph.FeatureCount]);
    }

    public int Batch { get; }

    public string Provider { get; }

    public void Run() => _session.Run(_run, [BackboneGraph.InputName], [_input], [BackboneGraph.FeatureName], [_output]);

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _run.Dispose();
        _session.Dispose();
    }
}
