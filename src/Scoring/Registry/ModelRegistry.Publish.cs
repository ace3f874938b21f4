using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LandUse.Scoring.Bundles;

namespace LandUse.Scoring.Registry;

/// <summary>What publishing a bundle came to: the version as stored, and whether it was already there with the same bytes.</summary>
public sealed record PublishResult(RegistryVersion Version, bool AlreadyPublished);

public sealed partial class ModelRegistry
{
    /// <summary>
    /// Publishes the bundle folder as <c>&lt;name&gt;/&lt;version&gt;</c> from its manifest, after loading it (which checks
    /// the manifest's sha256 against model.onnx, its labels and shapes). model.onnx goes first, manifest.json last, each
    /// only if absent, so a version is visible only once complete. Versions are immutable: the same bytes again is a
    /// no-op success, other bytes are refused (<see cref="RegistryProblem.VersionExists"/>).
    /// </summary>
    /// <exception cref="ModelBundleException">The folder is not a valid bundle (for example a sha256 mismatch).</exception>
    /// <exception cref="ModelRegistryException">The version exists with other bytes, or the name or version cannot be a registry path.</exception>
    public async Task<PublishResult> PublishAsync(string bundleFolder, CancellationToken cancellationToken)
    {
        var bundle = ModelBundle.Load(bundleFolder);
        var reference = ReferenceOf(bundle);
        var manifestBytes = await File.ReadAllBytesAsync(Path.Combine(bundle.Folder, ModelBundle.ManifestFileName), cancellationToken).ConfigureAwait(false);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await TryReadAsync(reference, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await SameBytesAsync(existing, bundle, manifestBytes, cancellationToken).ConfigureAwait(false);
        }

        var model = container.GetBlobClient(RegistryLayout.ModelBlob(reference));
        if (!await UploadIfAbsentAsync(model, bundle.ModelPath, null, "application/octet-stream", cancellationToken).ConfigureAwait(false))
        {
            // A model.onnx without a manifest: an interrupted (or concurrent) publish. Reuse it only if it is these bytes.
            var sha = await BlobHashing.CopyAsync(model, null, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(sha, bundle.Manifest.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelRegistryException(RegistryProblem.VersionExists,
                    $"Model '{reference}' in the {DisplayName} already has a {ModelBundle.ModelFileName} with other bytes (sha256 {sha}) and no manifest " +
                    $"(an interrupted or concurrent publish): delete {RegistryLayout.Folder(reference)} from the container, or publish under another version.");
            }
        }

        var created = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { [RegistryLayout.CreatedMetadata] = created };
        var manifest = container.GetBlobClient(RegistryLayout.ManifestBlob(reference));
        if (!await UploadIfAbsentAsync(manifest, null, manifestBytes, "application/json", cancellationToken, metadata).ConfigureAwait(false))
        {
            // Another publisher of this version finished first: fine when it published the same bytes.
            return await SameBytesAsync(await ReadAsync(reference, cancellationToken).ConfigureAwait(false), bundle, manifestBytes, cancellationToken).ConfigureAwait(false);
        }

        return new PublishResult(await ReadAsync(reference, cancellationToken).ConfigureAwait(false), AlreadyPublished: false);
    }

    private static ModelReference ReferenceOf(ModelBundle bundle)
    {
        var manifest = bundle.Manifest;
        foreach (var (what, value) in new[] { ("name", manifest.Name), ("version", manifest.Version) })
        {
            if (ModelReference.SegmentProblem(value) is { } problem)
            {
                throw new ModelRegistryException(RegistryProblem.Invalid,
                    $"Model bundle '{bundle.Folder}' cannot be published: its manifest {what} {problem} (`landuse train --name/--version` set them).");
            }
        }

        return ModelReference.Of(manifest);
    }

    private async Task<RegistryVersion?> TryReadAsync(ModelReference reference, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelRegistryException ex) when (ex.Problem == RegistryProblem.NotFound)
        {
            return null;
        }
    }

    private async Task<PublishResult> SameBytesAsync(RegistryVersion existing, ModelBundle bundle, byte[] manifestBytes, CancellationToken cancellationToken)
    {
        if (!string.Equals(existing.Sha256, bundle.Manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelRegistryException(RegistryProblem.VersionExists,
                $"Model '{existing.Reference}' is already in the {DisplayName} with other bytes (its model.onnx sha256 {existing.Sha256}, this bundle's " +
                $"{bundle.Manifest.Sha256}): versions are immutable; publish this bundle under a new version.");
        }

        if (!existing.ManifestBytes.AsSpan().SequenceEqual(manifestBytes))
        {
            throw new ModelRegistryException(RegistryProblem.VersionExists,
                $"Model '{existing.Reference}' is already in the {DisplayName} with the same model.onnx but another {ModelBundle.ManifestFileName}: " +
                "versions are immutable; publish this bundle under a new version.");
        }

        var stored = await BlobHashing.CopyAsync(container.GetBlobClient(RegistryLayout.ModelBlob(existing.Reference)), null, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(stored, existing.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Corrupt(existing.Reference, $"{ModelBundle.ModelFileName} hashes to {stored} but its {ModelBundle.ManifestFileName} says {existing.Sha256}");
        }

        return new PublishResult(existing, AlreadyPublished: true);
    }

    /// <summary>Uploads a file or bytes only if the blob does not exist; false when it already did.</summary>
    private static async Task<bool> UploadIfAbsentAsync(
        BlobClient blob, string? path, byte[]? bytes, string contentType, CancellationToken cancellationToken, IDictionary<string, string>? metadata = null)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        };
        try
        {
            if (path is not null)
            {
                await blob.UploadAsync(path, options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await blob.UploadAsync(BinaryData.FromBytes(bytes!), options, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
