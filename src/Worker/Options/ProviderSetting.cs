namespace LandUse.Worker.Options;

/// <summary>
/// The execution provider may be set as <c>Worker__Provider</c> or, as the pipeline's settings name it,
/// <c>Scoring__Provider</c>; the worker's own key wins when both are set.
/// </summary>
internal static class ProviderSetting
{
    public const string WorkerKey = WorkerOptions.SectionName + ":" + nameof(WorkerOptions.Provider);
    public const string ScoringKey = "Scoring:Provider";

    public static void ApplyAlias(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[WorkerKey]) && configuration[ScoringKey] is { Length: > 0 } alias)
        {
            configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(WorkerKey, alias)]);
        }
    }
}
