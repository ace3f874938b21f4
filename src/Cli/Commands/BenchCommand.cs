using System.CommandLine;
using System.Globalization;
using LandUse.Cli.Bench;
using LandUse.Cli.Hosting;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Inference;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse bench [--quick] [--json] [--provider Cpu|Cuda] [--model B] [--seconds N]`: the pipeline against the model
/// on this machine, every figure in one process (<see cref="PipelineBench"/>), as a Markdown table or one JSON object.
/// With `--batch-sizes 32 64 128`: the model alone at those batch sizes (on CUDA with --model also the GPU worker's
/// path). With `--compare B2 [--rounds N]`: two bundles (INT8 against its FP32 parent) in alternating rounds in one
/// process, and the peak working set of each in a process of its own. With `--noop-tiles N`: a no-op run of N tiles alone. Every figure names the provider that ran;
/// `--provider Cuda` where CUDA cannot run measures nothing and says why (exit 3).
/// </summary>
internal static class BenchCommand
{
    private const string WorkingSetLine = "peak_working_set_mb";

    public static Command Create()
    {
        var batches = new Option<int[]>("--batch-sizes")
        {
            Description = "Measure the model alone at these batch sizes (default with --compare: 1 8 32); without it bench measures the whole pipeline.",
            DefaultValueFactory = _ => [1, 8, 32],
            AllowMultipleArgumentsPerToken = true,
        };
        var seconds = new Option<int?>("--seconds") { Description = "Seconds per measurement (default 2 with --quick, else 8; 10 per model with --compare, split into rounds)." };
        var quick = new Option<bool>("--quick") { Description = "Small stages (a 256-tile run, the 10,000-tile no-op run, 2 s per measurement): under 3 minutes." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (progress goes to stderr) instead of the Markdown table." };
        var provider = new Option<ExecutionProvider>("--provider") { Description = "Execution provider to ask for; with Cuda, bench refuses (exit 3, saying why) when the model would not run on CUDA here, and with --model also times the GPU worker's path.", DefaultValueFactory = _ => ExecutionProvider.Cpu };
        var model = new Option<string?>("--model") { Description = "Model bundle to measure (default: the ResNet18 feature graph, FP32)." };
        var compare = new Option<string?>("--compare") { Description = "A second bundle (e.g. the FP32 parent of an INT8 --model): both timed in alternating rounds, ratio --model / --compare." };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds per batch size with --compare.", DefaultValueFactory = _ => 6 };
        var noOpTiles = new Option<int?>("--noop-tiles") { Description = "Only a no-op run of this many tiny files (no model): cost per tile, peak working set, pages and generations at scale (docs/SCALING.md)." };
        var workingSet = new Option<bool>("--working-set-probe") { Description = "Score with --model only and print its peak working set (used by --compare).", Hidden = true };
        batches.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int[]>() is { } values && values.Any(b => b < 1 || b > 1024))
            {
                result.AddError("--batch-sizes must each be between 1 and 1024.");
            }
        });
        seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--seconds must be at least 1.");
            }
        });
        noOpTiles.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 100_000_000)
            {
                result.AddError("--noop-tiles must be between 1 and 100,000,000.");
            }
        });
        rounds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--rounds must be at least 1.");
            }
        });

        var command = new Command("bench", "Measure the pipeline against the model in one process: raw model by batch, decode, a real run, orchestration per tile, memory, table rows.")
        {
            quick, json, batches, seconds, provider, model, compare, rounds, noOpTiles, workingSet,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var tile = TileGenerator.RenderPng(TileClass.Developed, 1);
            var sizes = parse.GetValue(batches)!;
            var ep = parse.GetValue(provider);
            try
            {
                var bundle = parse.GetValue(model) is { } dir ? ModelBundle.Load(dir) : null;
                var other = parse.GetValue(compare) is { } otherDir ? ModelBundle.Load(otherDir) : null;
                if ((other is not null || parse.GetValue(workingSet)) && bundle is null)
                {
                    await stderr.WriteLineAsync("--compare and --working-set-probe need --model.").ConfigureAwait(false);
                    return 2;
                }

                // A CUDA benchmark that timed the CPU would print CPU figures under a CUDA heading: refuse, saying why.
                if (ep == ExecutionProvider.Cuda && CudaProbe.Unavailable(bundle) is { } unavailable)
                {
                    await stderr.WriteLineAsync($"--provider Cuda: CUDA is not usable here, so nothing was measured: {unavailable}. Without --provider Cuda, bench measures the CPU.").ConfigureAwait(false);
                    return 3;
                }

                if (parse.GetValue(workingSet))
                {
                    var mb = WorkingSetProbe.ScoreAndMeasure(bundle!, tile, sizes.Max(), ep);
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{WorkingSetLine} {mb}")).ConfigureAwait(false);
                    return 0;
                }

                if (parse.GetValue(noOpTiles) is { } count)
                {
                    var modelFolder = bundle?.Folder ?? await DemoBundleLocator.EnsureAsync(stderr, ct).ConfigureAwait(false);
                    var scale = await NoOpScale.RunAsync(count, modelFolder, stderr, ct).ConfigureAwait(false);
                    await stdout.WriteLineAsync(parse.GetValue(json) ? scale.ToJson() : scale.ToLine()).ConfigureAwait(false);
                    return 0;
                }

                if (other is null)
                {
                    if (parse.GetResult(batches) is { Implicit: false })
                    {
                        // The model alone at the batch sizes asked for.
                        ThroughputProbe.Run(tile, sizes, ep, parse.GetValue(seconds) ?? 10, stdout, bundle);
                        if (ep == ExecutionProvider.Cuda && bundle is not null)
                        {
                            // The GPU worker's own path: IOBinding on device buffers, decode overlapped through the pipeline.
                            StagedThroughput.Run(bundle, tile, sizes, ep, parse.GetValue(seconds) ?? 10, stdout);
                        }

                        return 0;
                    }

                    var folder = bundle?.Folder ?? await DemoBundleLocator.EnsureAsync(stderr, ct).ConfigureAwait(false);
                    var plan = PipelineBench.Plan.For(parse.GetValue(quick), parse.GetValue(seconds));
                    var figures = await PipelineBench.RunAsync(bundle ?? ModelBundle.Load(folder), plan, ep, stderr, ct).ConfigureAwait(false);
                    await stdout.WriteLineAsync(parse.GetValue(json) ? figures.ToJson() : BenchTable.Format(figures)).ConfigureAwait(false);
                    return 0;
                }

                PrecisionBenchmark.Run(other, bundle!, tile, sizes, ep, parse.GetValue(seconds) ?? 10, parse.GetValue(rounds), stdout);
                var batch = sizes.Max();
                var mbA = await WorkingSetOfAsync(other, batch, ep, ct).ConfigureAwait(false);
                var mbB = await WorkingSetOfAsync(bundle!, batch, ep, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"peak working set, scoring at batch {batch} in a process of its own: A {mbA} MiB, B {mbB} MiB, B/A {(double)mbB / mbA:P0}")).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ModelBundleException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    private static async Task<long> WorkingSetOfAsync(ModelBundle bundle, int batch, ExecutionProvider provider, CancellationToken ct)
    {
        var (exit, output, error) = await SelfLaunch.RunAsync(
            ["bench", "--model", bundle.Folder, "--batch-sizes", batch.ToString(CultureInfo.InvariantCulture), "--provider", provider.ToString(), "--working-set-probe"], ct).ConfigureAwait(false);
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(WorkingSetLine + " ", StringComparison.Ordinal));
        if (exit != 0 || line is null || !long.TryParse(line.AsSpan(WorkingSetLine.Length + 1), CultureInfo.InvariantCulture, out var mb))
        {
            throw new InvalidOperationException($"The working-set probe for '{bundle.Folder}' failed (exit {exit}): {error.Trim()}");
        }

        return mb;
    }
}
