using LandUse.Analysis.Runs;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Ledger;

namespace LandUse.Pipeline.Artifacts;

/// <summary>Opens the artifact sink of a run (<c>&lt;runsDir&gt;/&lt;runId&gt;/</c> or <c>runs/&lt;runId&gt;/</c>) or of any prefix, for a target.</summary>
public sealed class ArtifactSinks(StorageClients clients)
{
    public IArtifactSink ForRun(ArtifactTarget target, string runId) =>
        Open(target, folder => Path.Combine(folder, RunIds.Validate(runId)), RunFiles.BlobPrefix(RunIds.Validate(runId)));

    /// <summary>A sink under <paramref name="name"/>: a sub-folder of the runs folder, or a prefix of the container.</summary>
    public IArtifactSink Open(ArtifactTarget target, string name) => Open(target, folder => Path.Combine(folder, name), name);

    private IArtifactSink Open(ArtifactTarget target, Func<string, string> folder, string prefix)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            ArtifactTargetKind.Folder => new FolderArtifactSink(folder(target.RunsDir ?? throw new ArgumentException("A folder artifact target needs a runs folder.", nameof(target)))),
            ArtifactTargetKind.Blob => new BlobArtifactSink(
                clients.Container(target.ConnectionName, target.BlobServiceUri, target.Container ?? ArtifactTarget.DefaultContainer, "The results container"), prefix),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown artifact target kind."),
        };
    }
}
