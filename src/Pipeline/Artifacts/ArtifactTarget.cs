using LandUse.Pipeline.Predictions;

namespace LandUse.Pipeline.Artifacts;

/// <summary>Whether a run's artifacts go to a local runs folder or to a blob container.</summary>
public enum ArtifactTargetKind
{
    Folder,
    Blob,
}

/// <summary>
/// Where a run's artifacts (summary.json, predictions.csv, index.csv, report.html, map PNGs) go, small and secret-free
/// for orchestration input: <c>&lt;RunsDir&gt;/&lt;runId&gt;/</c>, or <c>runs/&lt;runId&gt;/</c> in a blob container reached by a
/// connection name or a blob service URI.
/// </summary>
public sealed record ArtifactTarget
{
    /// <summary>The results container a Table-backed run writes to when nothing else is said.</summary>
    public const string DefaultContainer = "results";

    public ArtifactTargetKind Kind { get; init; }

    public string? RunsDir { get; init; }

    public string? Container { get; init; }

    public string? ConnectionName { get; init; }

    public Uri? BlobServiceUri { get; init; }

    public static ArtifactTarget Folder(string runsDir) => new() { Kind = ArtifactTargetKind.Folder, RunsDir = runsDir };

    public static ArtifactTarget Blob(string container, string? connectionName, Uri? blobServiceUri = null) =>
        new() { Kind = ArtifactTargetKind.Blob, Container = container, ConnectionName = connectionName, BlobServiceUri = blobServiceUri };

    /// <summary>
    /// The default for a prediction target: a file run's own folder, or the <c>results</c> container of the account that
    /// holds the tables (same connection name, or the blob endpoint beside the table endpoint).
    /// </summary>
    public static ArtifactTarget For(PredictionTarget output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Kind == PredictionTargetKind.Files
            ? Folder(output.RunsDir ?? throw new ArgumentException("A file prediction target needs a runs folder.", nameof(output)))
            : Blob(DefaultContainer, output.ConnectionName, output.TableServiceUri is { } uri ? BlobEndpointBeside(uri) : null);
    }

    private static Uri BlobEndpointBeside(Uri tableService) =>
        new(tableService.GetLeftPart(UriPartial.Authority).Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase));
}
