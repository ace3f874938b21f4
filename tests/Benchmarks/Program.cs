using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LandUse.Benchmarks;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Inference;

// `--quick [--cuda] [--seconds N] [--model B [--compare B2]]`: Stopwatch figures (with --compare, both bundles in
// alternating rounds in this one process); anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    var seconds = Value("--seconds") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 10;
    var provider = args.Contains("--cuda") ? ExecutionProvider.Cuda : ExecutionProvider.Cpu;
    var tile = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "naip-developed-224.png"));
    var model = Value("--model") is { } m ? ModelBundle.Load(m) : null;
    if (Value("--compare") is { } other && model is not null)
    {
        PrecisionBenchmark.Run(ModelBundle.Load(other), model, tile, [1, 8, 32], provider, seconds, 6, Console.Out);
        return;
    }

    ThroughputProbe.Run(tile, [1, 8, 32], provider, seconds, Console.Out, model);
    return;
}

// In process: the generated out-of-process project cannot find an exe named LandUse.Benchmarks for Benchmarks.csproj,
// and one batch of 32 on a busy 2-core machine takes seconds, beyond the in-process default timeout.
var job = Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: false));
BenchmarkSwitcher.FromAssembly(typeof(ModelThroughput).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
