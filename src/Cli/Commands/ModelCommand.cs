using System.CommandLine;

namespace LandUse.Cli.Commands;

/// <summary>`landuse model …`: commands on model bundles; each subcommand is one file named Model&lt;Verb&gt;Command.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Work with model bundles: publish one to the model registry, list the registry, quantize one to INT8.");
        foreach (var subcommand in Subcommands())
        {
            command.Subcommands.Add(subcommand);
        }

        return command;
    }

    private static IEnumerable<Command> Subcommands()
    {
        // One line per subcommand, in the order `landuse model --help` shows them.
        yield return ModelPublishCommand.Create();
        yield return ModelListCommand.Create();
        yield return ModelQuantizeCommand.Create();
    }
}
