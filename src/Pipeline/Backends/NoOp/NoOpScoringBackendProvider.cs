using LandUse.Pipeline.Models;

namespace LandUse.Pipeline.Backends.NoOp;

/// <summary>Serves the <see cref="NoOpScoringBackend"/> for every model (folder or registry); registered only by `landuse bench` and tests.</summary>
public sealed class NoOpScoringBackendProvider : IScoringBackendProvider
{
    private readonly NoOpScoringBackend _backend = new();

    public IScoringBackend Get(ModelSource model) => _backend;
}
