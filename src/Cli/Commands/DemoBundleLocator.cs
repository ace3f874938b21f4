namespace LandUse.Cli.Commands;

/// <summary>Finds the demo bundle for commands run without --model.</summary>
internal static class DemoBundleLocator
{
    public static Task<string> EnsureAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        _ = progress;
        _ = cancellationToken;
        throw new NotSupportedException("No --model given and the demo bundle is not available in this build; pass --model <bundle>.");
    }
}
