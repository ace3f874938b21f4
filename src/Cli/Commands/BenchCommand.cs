using System.CommandLine;
using LandUse.Scoring.Diagnostics;
using LandUse.Scoring.Inference;
using LandUse.Synthetic.Tiles;

namespace LandUse.Cli.Commands;

/// <summary>`landuse bench [--batch-sizes 1,8,32] [--seconds N] [--provider Cpu|Cuda]`: model throughput on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var batches = new Option<int[]>("--batch-sizes")
        {
            Description = "Batch sizes to measure the raw model at.",
            DefaultValueFactory = _ => [1, 8, 32],
            AllowMultipleArgumentsPerToken = true,
        };
        var seconds = new Option<int>("--seconds") { Description = "Seconds per measurement.", DefaultValueFactory = _ => 10 };
        var provider = new Option<ExecutionProvider>("--provider") { Description = "Execution provider to ask for (CUDA falls back to CPU).", DefaultValueFactory = _ => ExecutionProvider.Cpu };
        batches.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int[]>() is { } values && values.Any(b => b < 1 || b > 1024))
            {
                result.AddError("--batch-sizes must each be between 1 and 1024.");
            }
        });
        seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--seconds must be at least 1.");
            }
        });

        var command = new Command("bench", "Measure model throughput (tiles/s) at several batch sizes, then decode + model, on a synthetic Developed tile.")
        {
            batches, seconds, provider,
        };
        command.SetAction(parse =>
        {
            var tile = TileGenerator.RenderPng(TileClass.Developed, 1);
            ThroughputProbe.Run(tile, parse.GetValue(batches)!, parse.GetValue(provider), parse.GetValue(seconds), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
