using System.CommandLine;
using LandUse.Cli.Commands;
using LandUse.Cli.Hosting;

namespace LandUse.Cli;

/// <summary>The landuse root command: every subcommand is one file under Commands/.</summary>
internal static class LandUseCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (ProcessorCountRelaunch.ShouldRelaunch(args))
        {
            return await ProcessorCountRelaunch.RunChildAsync(args).ConfigureAwait(false);
        }

        // A re-launched child stops (as on Ctrl+C) when its parent dies without passing a signal on.
        ParentWatch.StartIfChild(Console.Error);
        var root = BuildRoot();

        // `run` handles SIGINT/SIGTERM itself (graceful stop, see StopSignals); the others keep the library's handling.
        var configuration = new InvocationConfiguration();
        if (args.Length > 0 && args[0] == "run")
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("landuse: classify land use in aerial image tiles and find where it changed.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        // One line per command; keep in the order `landuse --help` shows them.
        yield return DemoCommand.Create();
        yield return RunCommand.Create();
        yield return RunsCommand.Create();
        yield return ScoreCommand.Create();
        yield return TileCommand.Create();
        yield return LabelCommand.Create();
        yield return TrainCommand.Create();
        yield return ModelCommand.Create();
        yield return ReportCommand.Create();
        yield return CompareCommand.Create();
        yield return SynthCommand.Create();
        yield return BenchCommand.Create();
    }
}
