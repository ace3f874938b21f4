using LandUse.Pipeline.Models;

namespace LandUse.Pipeline.Backends;

/// <summary>
/// Picks the scoring backend for a run's model (a bundle folder, or a registry reference). The default scores in
/// process; a host that scores on a GPU worker registers its own provider.
/// </summary>
public interface IScoringBackendProvider
{
    /// <summary>The backend that scores with <paramref name="model"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "C# only; implementations already use this name.")]
    IScoringBackend Get(ModelSource model);

    /// <summary>The backend that scores with the bundle folder <paramref name="modelBundle"/> (remote: the worker's own model).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "C# only; implementations already use this name.")]
    IScoringBackend Get(string modelBundle) => Get(ModelSource.Folder(modelBundle));
}
