using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Registry;

/// <summary>
/// The model registry: a blob container of <c>&lt;name&gt;/&lt;version&gt;/{model.onnx,manifest.json}</c> with immutable
/// versions. One implementation for every host (the CLI and in-process scoring through the pipeline, the scoring
/// worker): list, resolve a name to its newest version (the latest publish time), read a version's manifest, download
/// model.onnx verified against it, and publish (<c>ModelRegistry.Publish.cs</c>). Hosts hand it a container client made
/// with their own credential or connection.
/// </summary>
public sealed partial class ModelRegistry(BlobContainerClient container, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The container's URL, which tells registries apart (cache and session keys).</summary>
    public Uri Uri => container.Uri;

    /// <summary>"container 'models'", for messages.</summary>
    public string DisplayName => $"registry container '{container.Name}'";

    /// <summary>Every published version, by name, newest first within a name.</summary>
    public async Task<IReadOnlyList<RegistryVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = new List<RegistryVersion>();
        foreach (var listed in Newest(await ListBlobsAsync(null, cancellationToken).ConfigureAwait(false)))
        {
            versions.Add(await ReadAsync(listed.Reference, cancellationToken).ConfigureAwait(false));
        }

        return versions;
    }

    /// <summary>
    /// The version <paramref name="reference"/> names: that version when pinned, else the newest of the name (latest
    /// publish time; equal times by version, ordinal, highest first). Throws <see cref="ModelRegistryException"/>
    /// (<see cref="RegistryProblem.NotFound"/>) naming the model when there is none.
    /// </summary>
    public async Task<RegistryVersion> ResolveAsync(ModelReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.IsPinned)
        {
            return await ReadAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        var newest = Newest(await ListBlobsAsync(reference.Name, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new ModelRegistryException(RegistryProblem.NotFound,
                $"Model '{reference}' is not in the {DisplayName}: nothing is published under that name (`landuse model list` shows what is).");
        return await ReadAsync(newest.Reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a pinned version's manifest (checked against its path) and the size of its model.onnx.</summary>
    public async Task<RegistryVersion> ReadAsync(ModelReference pinned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        if (!pinned.IsPinned)
        {
            throw new ArgumentException($"Model reference '{pinned}' names no version.", nameof(pinned));
        }

        BlobDownloadResult manifest;
        try
        {
            manifest = (await container.GetBlobClient(RegistryLayout.ManifestBlob(pinned)).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw await NotFoundAsync(pinned, cancellationToken).ConfigureAwait(false);
        }

        long modelBytes;
        try
        {
            modelBytes = (await container.GetBlobClient(RegistryLayout.ModelBlob(pinned)).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw Corrupt(pinned, $"it has a {ModelBundle.ManifestFileName} but no {ModelBundle.ModelFileName}");
        }

        var bytes = manifest.Content.ToArray();
        return new RegistryVersion(pinned, CreatedOf(manifest.Details.Metadata, manifest.Details.CreatedOn), modelBytes, ParseManifest(pinned, bytes), bytes);
    }

    /// <summary>
    /// Downloads the version's model.onnx to <paramref name="path"/> (a new file), hashing it on the way; throws
    /// <see cref="RegistryProblem.Corrupt"/> when it does not hash to the manifest's sha256.
    /// </summary>
    public async Task DownloadModelAsync(RegistryVersion version, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        string sha;
        await using (file.ConfigureAwait(false))
        {
            sha = await BlobHashing.CopyAsync(container.GetBlobClient(RegistryLayout.ModelBlob(version.Reference)), file, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        if (!string.Equals(sha, version.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Corrupt(version.Reference, $"{ModelBundle.ModelFileName} hashes to {sha} but its {ModelBundle.ManifestFileName} says {version.Sha256}");
        }
    }

    private ModelRegistryException Corrupt(ModelReference pinned, string why) =>
        new(RegistryProblem.Corrupt, $"Model '{pinned}' in the {DisplayName} is corrupt: {why}; it is not used. Publish the bundle again under a new version.");

    private async Task<ModelRegistryException> NotFoundAsync(ModelReference pinned, CancellationToken cancellationToken)
    {
        var others = Newest(await ListBlobsAsync(pinned.Name, cancellationToken).ConfigureAwait(false)).Select(v => v.Reference.Version).ToList();
        var known = others.Count == 0 ? "nothing is published under that name" : $"published versions of {pinned.Name}, newest first: {string.Join(", ", others)}";
        return new ModelRegistryException(RegistryProblem.NotFound, $"Model '{pinned}' is not in the {DisplayName} ({known}).");
    }

    private ModelManifest ParseManifest(ModelReference pinned, byte[] bytes)
    {
        ModelManifest manifest;
        try
        {
            manifest = ManifestJson.Deserialize(System.Text.Encoding.UTF8.GetString(bytes))
                ?? throw Corrupt(pinned, $"its {ModelBundle.ManifestFileName} is JSON null");
            ManifestRules.Check(RegistryLayout.Folder(pinned), manifest);
        }
        catch (JsonException ex)
        {
            throw Corrupt(pinned, $"its {ModelBundle.ManifestFileName} is not a valid manifest ({ex.Message})");
        }
        catch (ModelBundleException ex)
        {
            throw Corrupt(pinned, ex.Message);
        }

        if (manifest.Name != pinned.Name || manifest.Version != pinned.Version)
        {
            throw Corrupt(pinned, $"its {ModelBundle.ManifestFileName} says {manifest.Name}/{manifest.Version}");
        }

        return manifest;
    }

    private static DateTimeOffset CreatedOf(IDictionary<string, string>? metadata, DateTimeOffset createdOn) =>
        metadata is not null && metadata.TryGetValue(RegistryLayout.CreatedMetadata, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : createdOn;

    /// <summary>Published versions (those with a manifest), by name, newest first within a name.</summary>
    private static IEnumerable<ListedVersion> Newest(IEnumerable<ListedVersion> versions) =>
        versions.OrderBy(v => v.Reference.Name, StringComparer.Ordinal)
            .ThenByDescending(v => v.Created)
            .ThenByDescending(v => v.Reference.Version, StringComparer.Ordinal);

    private async Task<List<ListedVersion>> ListBlobsAsync(string? name, CancellationToken cancellationToken)
    {
        try
        {
            return await ListManifestsAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "ContainerNotFound")
        {
            throw new ModelRegistryException(RegistryProblem.NotFound,
                $"The {DisplayName} does not exist, so no model is in it (`landuse model publish` creates it).", ex);
        }
    }

    private async Task<List<ListedVersion>> ListManifestsAsync(string? name, CancellationToken cancellationToken)
    {
        var manifests = new List<ListedVersion>();
        var prefix = name is null ? null : name + "/";
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (RegistryLayout.Parse(blob.Name) is { File: ModelBundle.ManifestFileName } parsed)
            {
                manifests.Add(new ListedVersion(parsed.Version, CreatedOf(blob.Metadata, blob.Properties.CreatedOn ?? DateTimeOffset.MinValue)));
            }
        }

        return manifests;
    }

    private sealed record ListedVersion(ModelReference Reference, DateTimeOffset Created);
}
