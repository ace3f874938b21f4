namespace LandUse.Pipeline.Backends.NoOp;

/// <summary>Serves the <see cref="NoOpScoringBackend"/> for every bundle; registered only by `landuse bench` and tests.</summary>
public sealed class NoOpScoringBackendProvider : IScoringBackendProvider
{
    private readonly NoOpScoringBackend _backend = new();

    public IScoringBackend Get(string modelBundle) => _backend;
}
