namespace LandUse.Pipeline.Predictions;

/// <summary>Whether predictions go to Table Storage or to a local run folder.</summary>
public enum PredictionTargetKind
{
    Files,
    Tables,
}

/// <summary>
/// Where a run's predictions, manifests and ledger go, small enough for orchestration input: a runs folder, or
/// Table Storage reached by a connection <em>name</em> (Azurite) or a table service URI (DefaultAzureCredential).
/// </summary>
public sealed record PredictionTarget
{
    public PredictionTargetKind Kind { get; init; }

    /// <summary>Runs folder (Kind = Files); each run gets <c>&lt;RunsDir&gt;/&lt;runId&gt;/</c>.</summary>
    public string? RunsDir { get; init; }

    public string? ConnectionName { get; init; }

    public Uri? TableServiceUri { get; init; }

    /// <summary>The runs folder of a file target.</summary>
    /// <exception cref="ArgumentException">The target has none.</exception>
    public string RequireRunsDir() => RunsDir ?? throw new ArgumentException("A file prediction target needs a runs folder.");

    /// <summary>The table service of a Table target, through the one client factory.</summary>
    public Azure.Data.Tables.TableServiceClient TableService(Connections.StorageClients clients, string what)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return clients.Tables(ConnectionName, TableServiceUri, what);
    }

    public static PredictionTarget Files(string runsDir) => new() { Kind = PredictionTargetKind.Files, RunsDir = runsDir };

    public static PredictionTarget Tables(string? connectionName, Uri? tableServiceUri = null) =>
        new() { Kind = PredictionTargetKind.Tables, ConnectionName = connectionName, TableServiceUri = tableServiceUri };
}
