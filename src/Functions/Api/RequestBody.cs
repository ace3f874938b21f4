using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LandUse.Functions.Api;

/// <summary>Reads a JSON request body, turning every way it can be wrong into a 400 that names the field.</summary>
internal static class RequestBody
{
    /// <summary>Largest body accepted; run and compare requests are a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The parsed body, or the problem to return instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is > MaxBytes)
        {
            return (null, Problems.BadField("body", $"The request body is larger than {MaxBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBytes)
        {
            return (null, Problems.BadField("body", $"The request body is larger than {MaxBytes} bytes."));
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.BadField("body", "The request body is empty; send a JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Options);
            return value is null
                ? (null, Problems.BadField("body", "The request body is JSON null; send a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex);
            return (null, Problems.BadField(field, $"'{field}' is not valid: {FirstSentence(ex.Message)}"));
        }
    }

    // "$.batchSize" -> "batchSize"; "$" or null -> "body". Unknown members are reported at "$" with their name in the message.
    private static string FieldOf(JsonException ex)
    {
        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return UnmappedMember(ex.Message) ?? "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string? UnmappedMember(string message)
    {
        const string marker = "The JSON property '";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
