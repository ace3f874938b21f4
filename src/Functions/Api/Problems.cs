using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandUse.Functions.Api;

/// <summary>RFC 7807 problem details for every error the API returns, each naming what was wrong.</summary>
internal static class Problems
{
    /// <summary>400 with <c>errors: { field: [message] }</c> and the message as the detail.</summary>
    public static ValidationProblem BadField(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: $"Invalid request: '{field}'",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult NotFound(string runId) =>
        TypedResults.Problem(
            detail: $"No run with id '{runId}' exists.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Run not found",
            extensions: new Dictionary<string, object?> { ["runId"] = runId });

    public static ProblemHttpResult Conflict(string runId, string status, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "Run state conflict",
            extensions: new Dictionary<string, object?> { ["runId"] = runId, ["status"] = status });

    /// <summary>503: the app's storage refused it or lacks a container or table; the detail is the one-line fix.</summary>
    public static ProblemHttpResult Storage(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage is not usable");
}
