using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LandUse.Benchmarks;
using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Inference;

// `--quick [--cuda] [--seconds N]`: Stopwatch figures; anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(10).First();
    var tile = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "naip-developed-224.png"));
    ThroughputProbe.Run(tile, [1, 8, 32], args.Contains("--cuda") ? ExecutionProvider.Cuda : ExecutionProvider.Cpu, seconds, Console.Out);
    return;
}

// In process: the generated out-of-process project cannot find an exe named LandUse.Benchmarks for Benchmarks.csproj,
// and one batch of 32 on a busy 2-core machine takes seconds, beyond the in-process default timeout.
var job = Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: false));
BenchmarkSwitcher.FromAssembly(typeof(ModelThroughput).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
