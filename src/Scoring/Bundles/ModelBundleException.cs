namespace LandUse.Scoring.Bundles;

/// <summary>A model bundle that cannot be used; the message names the bundle folder and the problem.</summary>
public sealed class ModelBundleException : Exception
{
    public ModelBundleException()
    {
    }

    public ModelBundleException(string message)
        : base(message)
    {
    }

    public ModelBundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ModelBundleException For(string directory, string problem, Exception? inner = null)
    {
        var message = $"Model bundle '{directory}': {problem}";
        return inner is null ? new ModelBundleException(message) : new ModelBundleException(message, inner);
    }
}
