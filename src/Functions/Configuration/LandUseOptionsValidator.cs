using LandUse.Scoring.Registry;
using Microsoft.Extensions.Options;

namespace LandUse.Functions.Configuration;

/// <summary>
/// Fails start-up with the offending setting's name instead of failing the first request. No model is required at
/// start-up: a fresh deployment has none published yet, and requests can name one.
/// </summary>
internal sealed class LandUseOptionsValidator : IValidateOptions<LandUseOptions>
{
    public ValidateOptionsResult Validate(string? name, LandUseOptions options)
    {
        var failures = new List<string>();
        CheckContainer(failures, nameof(LandUseOptions.TilesContainer), options.TilesContainer);
        CheckContainer(failures, nameof(LandUseOptions.ResultsContainer), options.ResultsContainer);

        if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
        {
            if (options.BlobServiceUri is null)
            {
                failures.Add($"{Key(nameof(LandUseOptions.BlobServiceUri))} is required when {Key(nameof(LandUseOptions.StorageConnectionString))} is not set.");
            }

            if (options.TableServiceUri is null)
            {
                failures.Add($"{Key(nameof(LandUseOptions.TableServiceUri))} is required when {Key(nameof(LandUseOptions.StorageConnectionString))} is not set.");
            }
        }

        CheckContainer(failures, nameof(LandUseOptions.ModelsContainer), options.ModelsContainer);
        CheckModel(failures, nameof(LandUseOptions.DefaultModel), options.DefaultModel);
        CheckModel(failures, "Live__Model", options.Live.Model);
        if (options.MaxLoadedModels is < 1 or > 16)
        {
            failures.Add($"{Key(nameof(LandUseOptions.MaxLoadedModels))} must be between 1 and 16 (got {options.MaxLoadedModels}).");
        }

        if (options.Live.BatchSize is < 1 or > 512)
        {
            failures.Add($"{Key("Live__BatchSize")} must be between 1 and 512 (got {options.Live.BatchSize}).");
        }

        if (options.Live.MaxDelayMilliseconds is < 0 or > 60_000)
        {
            failures.Add($"{Key("Live__MaxDelayMilliseconds")} must be between 0 and 60000 (got {options.Live.MaxDelayMilliseconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{LandUseOptions.SectionName}__{property}";

    private static void CheckModel(List<string> failures, string property, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !ModelReference.TryParse(value, out _, out var problem))
        {
            failures.Add($"{Key(property)}: {problem}");
        }
    }

    private static void CheckContainer(List<string> failures, string property, string value)
    {
        if (!ContainerNames.IsValid(value))
        {
            failures.Add($"{Key(property)} '{value}' is not a valid blob container name (3-63 lowercase letters, digits, single hyphens).");
        }
    }
}
