using System.CommandLine;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Hosting;
using LandUse.Pipeline.Predictions;
using LandUse.Pipeline.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Cli.Commands;

/// <summary>
/// Where `landuse run` and `landuse runs` find a run's rows and ledger: <c>--runs-dir D</c> (default ./runs), or
/// <c>--tables CONN</c> (Table Storage, e.g. Azurite), the connection string registered by name so it never travels.
/// </summary>
internal sealed class LedgerLocation
{
    public const string TablesConnection = "landuse-tables";

    public Option<string> RunsDir { get; } = new("--runs-dir") { Description = "Folder of run results and the local ledger.", DefaultValueFactory = _ => "runs" };

    public Option<string?> Tables { get; } = new("--tables") { Description = "Table Storage connection string: predictions and the run ledger are in tables (e.g. Azurite)." };

    public void AddTo(Command command)
    {
        command.Options.Add(RunsDir);
        command.Options.Add(Tables);
    }

    public string Folder(ParseResult parse) => Path.GetFullPath(parse.GetValue(RunsDir)!);

    /// <summary>The prediction target (and so the ledger) these options name; registers the tables connection when given.</summary>
    public PredictionTarget Target(ParseResult parse, StorageConnections connections)
    {
        var tables = parse.GetValue(Tables);
        if (string.IsNullOrWhiteSpace(tables))
        {
            return PredictionTarget.Files(Folder(parse));
        }

        connections.Set(TablesConnection, tables);
        return PredictionTarget.Tables(TablesConnection);
    }

    /// <summary>Run control without an engine (ledger, stores and artifacts only), for the `runs` commands.</summary>
    public static ServiceProvider Services(StorageConnections connections) =>
        new ServiceCollection().AddSingleton(connections).AddLandUsePipeline().BuildServiceProvider();

    public static RunControl Control(ServiceProvider services) => services.GetRequiredService<RunControl>();
}
