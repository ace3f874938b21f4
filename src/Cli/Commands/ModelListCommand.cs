using System.CommandLine;
using System.Text.Json;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Serialization;
using LandUse.Scoring.Registry;

namespace LandUse.Cli.Commands;

/// <summary>`landuse model list --from CONTAINER [--connection CONN] [--json]`: every published version: name, version, created, classes, size.</summary>
internal static class ModelListCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The registry: a container URL, or a container name with --connection.", Required = true };
        var connection = RegistryLocation.ConnectionOption();
        var json = new Option<bool>("--json") { Description = "Print the versions as a JSON array." };
        var command = new Command("list", "List the model registry: name, version, created, classes and size of every version, newest first within a name.") { from, connection, json };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            try
            {
                var connections = new StorageConnections();
                var location = RegistryLocation.Parse(parse.GetValue(from)!, parse.GetValue(connection), connections, "--from");
                using var services = LedgerLocation.Services(connections);
                var versions = await RegistryLocation.Open(services, location).ListAsync(ct).ConfigureAwait(false);
                var rows = versions.Select(ModelListText.Row.Of).ToList();
                await stdout.WriteAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(rows, PipelineJson.Options) + Environment.NewLine
                    : ModelListText.Table(rows, location.DisplayName)).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ModelRegistryException or ArgumentException or InvalidOperationException or StorageAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
