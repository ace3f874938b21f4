using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// Turns the storage answers that no retry can fix into a <see cref="StorageAccessException"/> with one line a user can
/// act on (account, container or table, likely fix) instead of the service's XML: 401 and 403 always, 404 only when the
/// container itself is missing, and a credential that cannot get a token. Everything else passes through unchanged.
/// </summary>
public sealed class StorageFailFastPolicy(StorageService service) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (AuthenticationFailedException ex)
        {
            throw NoCredential(message.Request.Uri.ToUri(), service, ex);
        }

        Check(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException ex)
        {
            throw NoCredential(message.Request.Uri.ToUri(), service, ex);
        }

        Check(message);
    }

    /// <summary>The one-line explanation for a status and error code on a resource, or null when retrying might help.</summary>
    public static string? Explain(Uri uri, StorageService service, int status, string? errorCode)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var (account, resource) = StorageResource.Of(uri, service);
        var on = resource is null ? "" : $" on {resource}";
        var role = service == StorageService.Table ? "Storage Table Data Contributor" : "Storage Blob Data Contributor";
        return status switch
        {
            401 => $"Storage account '{account}' refused the request{on} (401 {errorCode}): the credential is not valid for it; sign in again (az login) or check the connection string.",
            403 => $"Storage account '{account}' refused the request{on} (403 {errorCode}): check the account key in the connection string, or give the identity the {role} role.",
            404 when errorCode is "ContainerNotFound" => $"{Capitalized(resource ?? "the container")} does not exist in storage account '{account}': create it and upload the tiles, or check the container name.",
            404 when errorCode is "TableNotFound" => $"{Capitalized(resource ?? "the table")} does not exist in storage account '{account}': a run creates it; check the account and the run id.",
            _ => null,
        };
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private void Check(HttpMessage message)
    {
        if (!message.HasResponse)
        {
            return;
        }

        var response = message.Response;
        if (response.Status is not (401 or 403 or 404))
        {
            return;
        }

        var code = response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        if (response.Status == 404 && code is not "ContainerNotFound")
        {
            // A missing blob, entity or table is an answer callers handle (tiles.csv absent, no ledger row yet).
            return;
        }

        if (Explain(message.Request.Uri.ToUri(), service, response.Status, code) is { } line)
        {
            throw new StorageAccessException(line, response.Status, code, new RequestFailedException(response));
        }
    }

    private static StorageAccessException NoCredential(Uri uri, StorageService service, AuthenticationFailedException ex)
    {
        var (account, _) = StorageResource.Of(uri, service);
        return new StorageAccessException(
            $"No Azure credential could sign in to storage account '{account}': run az login, set AZURE_CLIENT_ID for a managed identity, or pass a connection string. ({ex.Message.Split('\n')[0]})",
            0,
            null,
            ex);
    }
}
