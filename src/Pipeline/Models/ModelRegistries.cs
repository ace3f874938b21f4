using System.Collections.Concurrent;
using LandUse.Pipeline.Connections;
using LandUse.Pipeline.Orchestration;
using LandUse.Scoring.Registry;

namespace LandUse.Pipeline.Models;

/// <summary>
/// Opens (and caches) the <see cref="ModelRegistry"/> a <see cref="ModelRegistryLocation"/> names through the one client
/// factory, and pins a run's model: <c>&lt;name&gt;</c> becomes its newest <c>&lt;name&gt;/&lt;version&gt;</c> when the run
/// starts, so the orchestration input, the ledger and every row name one version.
/// </summary>
public sealed class ModelRegistries(StorageClients clients, TimeProvider time)
{
    private readonly ConcurrentDictionary<ModelRegistryLocation, ModelRegistry> _registries = new();

    public ModelRegistry Open(ModelRegistryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return _registries.GetOrAdd(location, l => new ModelRegistry(
            clients.Container(l.ConnectionName, l.BlobServiceUri, l.Container, $"Model registry {l.DisplayName}"), time));
    }

    /// <summary>
    /// The run with its registry model resolved to the version it scores with; a run on a bundle folder unchanged.
    /// </summary>
    /// <exception cref="ModelRegistryException">The model is not in the registry (<see cref="RegistryProblem.NotFound"/>), naming it.</exception>
    public async Task<RunRequest> PinAsync(RunRequest run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Models is not { } location)
        {
            return run;
        }

        var reference = ModelReference.Parse(run.ModelBundle);
        try
        {
            var version = await Open(location).ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            return run with { ModelBundle = version.Reference.ToString() };
        }
        catch (StorageAccessException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            throw new ModelRegistryException(RegistryProblem.NotFound,
                $"Model '{reference}' is not in the registry: {location.DisplayName} does not exist (`landuse model publish` creates it).", ex);
        }
    }
}
