namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// Where one run's (or one comparison's) files are written: a folder, or a prefix in a blob container. Writers hand it
/// whole files by name; readers get back where each landed.
/// </summary>
public interface IArtifactSink
{
    /// <summary>The folder path, or the container URL and prefix.</summary>
    string Location { get; }

    /// <summary>Writes (replaces) the file <paramref name="name"/> with what <paramref name="write"/> puts in the stream.</summary>
    Task WriteAsync(string name, Func<Stream, Task> write, CancellationToken cancellationToken);

    /// <summary>Where <paramref name="name"/> is (or would be): a file path or a blob URL.</summary>
    string LocationOf(string name);

    /// <summary>The names of the files stored so far, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every file; how many there were.</summary>
    Task<int> DeleteAllAsync(CancellationToken cancellationToken);
}
