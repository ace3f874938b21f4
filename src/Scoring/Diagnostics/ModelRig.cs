using Google.Protobuf;
using LandUse.Scoring.Backbone;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Imaging;
using LandUse.Scoring.Inference;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace LandUse.Scoring.Diagnostics;

/// <summary>
/// The model under test (a bundle's graph, or by default preprocess + ResNet18 + Flatten, the fused bundle minus its
/// 512x6 head) with one session and input/output tensors filled once, so a run measures ONNX Runtime alone: no
/// decoding, no allocation.
/// </summary>
public sealed class ModelRig : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly RunOptions _run = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <summary>The ResNet18 feature graph (FP32).</summary>
    public ModelRig(int batch, ReadOnlySpan<byte> tile, ScoringOptions? options = null)
        : this(batch, tile, null, options)
    {
    }

    /// <summary>A bundle's own graph; null means the ResNet18 feature graph.</summary>
    public ModelRig(int batch, ReadOnlySpan<byte> tile, ModelBundle? bundle, ScoringOptions? options = null)
    {
        Batch = batch;
        options ??= new ScoringOptions();
        if (bundle is not null)
        {
            ProviderPrecision.Check(bundle, options.Provider);
        }

        var spec = bundle is null ? InputSpec.Rgb255() : InputSpec.From(bundle.Manifest);
        var width = bundle?.OutputWidth ?? BackboneGraph.FeatureCount;
        _inputNames = [bundle?.Manifest.InputName ?? BackboneGraph.InputName];
        _outputNames = [bundle?.OutputName ?? BackboneGraph.FeatureName];
        Model = bundle is null ? "ResNet18 feature graph" : bundle.Version;
        Precision = bundle?.Precision ?? ModelPrecision.Fp32;
        (_session, Provider) = bundle is null
            ? SessionFactory.Open(null, BackboneGraph.BuildFeatureModel().ToByteArray(), "benchmark", options, batch, NullLogger.Instance)
            : SessionFactory.Open(bundle.ModelPath, null, $"benchmark {bundle.Version}", options, batch, NullLogger.Instance);
        var input = new float[batch * spec.TensorLength];
        var decoder = new TileDecoder(spec);
        for (var i = 0; i < batch; i++)
        {
            decoder.Decode("bench", tile, input.AsSpan(i * spec.TensorLength, spec.TensorLength));
        }

        _input = OrtValue.CreateTensorValueFromMemory(input, [batch, 3, spec.Height, spec.Width]);
        _output = OrtValue.CreateTensorValueFromMemory(new float[batch * width], [batch, width]);
    }

    public int Batch { get; }

    public string Provider { get; }

    /// <summary>What runs: the bundle's version, or "ResNet18 feature graph".</summary>
    public string Model { get; }

    /// <summary>"fp32" or "int8".</summary>
    public string Precision { get; }

    public void Run() => _session.Run(_run, _inputNames, [_input], _outputNames, [_output]);

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _run.Dispose();
        _session.Dispose();
    }
}
