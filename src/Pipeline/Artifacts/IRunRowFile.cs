using LandUse.Scoring.Output;

namespace LandUse.Pipeline.Artifacts;

/// <summary>
/// One artifact file written row by row during the single pass over a run's stored rows (predictions.csv, index.csv,
/// and any other per-tile file): opened on its sink's stream, fed every row once, completed at the end. Nothing
/// per tile is kept, so a file of any length costs the same memory. Disposed by the writer once the pass is over.
/// </summary>
public interface IRunRowFile : IDisposable
{
    /// <summary>The artifact's file name in the run's folder or container prefix.</summary>
    string Name { get; }

    /// <summary>Starts writing (a header) into the artifact's stream, which stays open until <see cref="CompleteAsync"/>.</summary>
    void Open(Stream stream);

    void Add(PredictionRow row);

    /// <summary>Writes what comes after the last row and flushes; the stream is closed by its sink afterwards.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
