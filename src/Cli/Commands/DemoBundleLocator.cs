using LandUse.Cli.Demo;

namespace LandUse.Cli.Commands;

/// <summary>The bundle for commands run without --model: the demo bundle, built on first use with progress lines.</summary>
internal static class DemoBundleLocator
{
    public static async Task<string> EnsureAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return await DemoBundle.EnsureAsync(new LineProgress(progress), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes each message as it comes, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
