using BenchmarkDotNet.Attributes;

namespace LandUse.Benchmarks;

/// <summary>One ONNX Runtime call per invocation; tiles/s = Batch / mean time. The job is set in Program.cs.</summary>
[MemoryDiagnoser]
public class ModelThroughput
{
    private ModelRig? _rig;

    [Params(1, 8, 32)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup() => _rig = new ModelRig(Batch);

    [GlobalCleanup]
    public void Cleanup() => _rig?.Dispose();

    [Benchmark]
    public void RunBatch() => _rig!.Run();
}
