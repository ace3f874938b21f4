using BenchmarkDotNet.Attributes;
using LandUse.Scoring.Diagnostics;

namespace LandUse.Benchmarks;

/// <summary>One ONNX Runtime call per invocation; tiles/s = Batch / mean time. The job is set in Program.cs.</summary>
[MemoryDiagnoser]
public class ModelThroughput
{
    private ModelRig? _rig;

    [Params(1, 8, 32)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _rig = new ModelRig(Batch, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "naip-developed-224.png")));

    [GlobalCleanup]
    public void Cleanup() => _rig?.Dispose();

    [Benchmark]
    public void RunBatch() => _rig!.Run();
}
