using System.CommandLine;
using System.Globalization;
using LandUse.Pipeline.Connections;
using LandUse.Scoring.Bundles;
using LandUse.Scoring.Registry;

namespace LandUse.Cli.Commands;

/// <summary>
/// `landuse model publish BUNDLE --to CONTAINER [--connection CONN]`: uploads model.onnx and manifest.json as
/// &lt;name&gt;/&lt;version&gt;/ from the manifest, after checking its sha256; the same bytes again is a no-op, other bytes under
/// an existing version are refused.
/// </summary>
internal static class ModelPublishCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("bundle") { Description = "The bundle folder (model.onnx + manifest.json) to publish; its manifest's name and version name it." };
        var to = new Option<string>("--to") { Description = "The registry: a container URL, or a container name with --connection.", Required = true };
        var connection = RegistryLocation.ConnectionOption();
        var command = new Command("publish", "Publish a bundle to the model registry as <name>/<version> (versions are immutable).") { bundle, to, connection };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var connections = new StorageConnections();
                var location = RegistryLocation.Parse(parse.GetValue(to)!, parse.GetValue(connection), connections, "--to");
                using var services = LedgerLocation.Services(connections);
                var registry = RegistryLocation.Open(services, location);
                var result = await registry.PublishAsync(parse.GetValue(bundle)!, ct).ConfigureAwait(false);
                var v = result.Version;
                await stdout.WriteLineAsync(result.AlreadyPublished
                    ? $"{v.Reference} is already in {location.DisplayName} with the same bytes; nothing to do."
                    : string.Create(CultureInfo.InvariantCulture,
                        $"published {v.Reference} to {location.DisplayName}: model.onnx {ModelListText.Size(v.ModelBytes)}, sha256 {v.Sha256[..12]}…, classes {string.Join(",", v.Labels)}")).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is ModelBundleException or ModelRegistryException or ArgumentException or InvalidOperationException or StorageAccessException or IOException)
            {
                await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
