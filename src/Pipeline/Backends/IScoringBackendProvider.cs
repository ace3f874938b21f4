namespace LandUse.Pipeline.Backends;

/// <summary>
/// Picks the scoring backend for a run's model bundle reference. The default scores in process; a host that scores
/// on a GPU worker registers its own provider.
/// </summary>
public interface IScoringBackendProvider
{
    /// <summary>The backend that scores with <paramref name="modelBundle"/> (a bundle folder, or a name the backend knows).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "C# only; implementations already use this name.")]
    IScoringBackend Get(string modelBundle);
}
