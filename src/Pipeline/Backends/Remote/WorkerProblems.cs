using System.Net;
using System.Text.Json;
using LandUse.Scoring.Registry;

namespace LandUse.Pipeline.Backends.Remote;

/// <summary>How the remote backend reads the worker's refusals about a model: which are final, and the problem's detail.</summary>
internal static class WorkerProblems
{
    /// <summary>The registry problem a status means (no retry can fix it), or null when waiting might help.</summary>
    public static RegistryProblem? Permanent(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => RegistryProblem.NotFound,
        HttpStatusCode.UnprocessableEntity => RegistryProblem.Corrupt,
        HttpStatusCode.BadRequest => RegistryProblem.Invalid,
        _ => null,
    };

    /// <summary>The <c>detail</c> of a "status reason: {problem json}" description, else the description itself.</summary>
    public static string Detail(string description)
    {
        var json = description.IndexOf('{', StringComparison.Ordinal);
        if (json < 0)
        {
            return description;
        }

        try
        {
            using var document = JsonDocument.Parse(description[json..]);
            return document.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? text : description;
        }
        catch (JsonException)
        {
            return description;
        }
    }
}
