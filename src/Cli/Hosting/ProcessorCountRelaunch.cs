using System.Diagnostics;

namespace LandUse.Cli.Hosting;

/// <summary>
/// The in-process Durable Task engine caps concurrent work items at Environment.ProcessorCount and sleeps
/// 500 ms when full, which stalls a fan-out on a 2-core machine. The count can only be raised before the
/// runtime starts, so commands that host the engine re-launch this process once with DOTNET_PROCESSOR_COUNT set.
/// Thread pools that do real work size themselves from <see cref="LandUse.Scoring.Hosting.MachineCores"/>.
/// </summary>
internal static class ProcessorCountRelaunch
{
    public const string Variable = "DOTNET_PROCESSOR_COUNT";
    public const int EngineProcessorCount = 1024;

    private static readonly HashSet<string> EngineCommands = new(StringComparer.Ordinal) { "run", "demo" };

    public static bool ShouldRelaunch(string[] args) =>
        args.Length > 0
        && EngineCommands.Contains(args[0])
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))
        && Environment.ProcessPath is not null;

    public static async Task<int> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            // Started as `dotnet landuse.dll`: keep the assembly as the first argument.
            start.ArgumentList.Add(typeof(ProcessorCountRelaunch).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = EngineProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not re-launch landuse.");

        // Ctrl+C reaches the child through the terminal's process group; just wait for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }
}
