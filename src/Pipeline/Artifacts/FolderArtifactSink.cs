using LandUse.Pipeline.IO;

namespace LandUse.Pipeline.Artifacts;

/// <summary>Artifacts as files in a folder (a run folder), each replaced atomically so a reader never sees half a file.</summary>
public sealed class FolderArtifactSink(string folder) : IArtifactSink
{
    private static readonly HashSet<string> Owned = new(StringComparer.Ordinal)
    {
        Analysis.Runs.RunFiles.Summary, Analysis.Runs.RunFiles.Predictions, Analysis.Runs.RunFiles.Index,
        Analysis.Runs.RunFiles.Report, Analysis.Runs.RunFiles.Map, Analysis.Runs.RunFiles.MapSmoothed,
    };

    private readonly string _folder = Path.GetFullPath(folder);

    public string Location => _folder;

    public Task WriteAsync(string name, Func<Stream, Task> write, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(Path.Combine(_folder, ArtifactNames.Checked(name)), write, cancellationToken);

    public string LocationOf(string name) => Path.Combine(_folder, ArtifactNames.Checked(name));

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Directory.Exists(_folder)
            ? [.. Directory.EnumerateFiles(_folder).Select(Path.GetFileName).OfType<string>().Where(IsArtifact).Order(StringComparer.Ordinal)]
            : []);

    public async Task<int> DeleteAllAsync(CancellationToken cancellationToken)
    {
        var files = await ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in files)
        {
            File.Delete(Path.Combine(_folder, name));
        }

        return files.Count;
    }

    // A run folder also holds the ledger and the store's parts: only report files and comparison outputs are artifacts.
    private static bool IsArtifact(string name) => Owned.Contains(name) || name.EndsWith(".geojson", StringComparison.Ordinal) || name is "compare.html" or "candidates.csv" or "change.json";
}
