using BenchmarkDotNet.Running;
using LandUse.Benchmarks;
using LandUse.Scoring.Inference;

// `--quick [--cuda] [--seconds N]`: Stopwatch figures; anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(10).First();
    QuickRun.Run(args.Contains("--cuda") ? ExecutionProvider.Cuda : ExecutionProvider.Cpu, seconds);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ModelThroughput).Assembly).Run(args);
