using Azure;
using LandUse.Scoring.Registry;

namespace LandUse.Worker.Api;

/// <summary>
/// Problem details for a requested model the worker cannot score with: 400 an invalid reference (or no registry), 404
/// not in the registry, 422 corrupt there (hash mismatch), 502 the registry could not be read. Each names the model.
/// </summary>
internal static class ModelProblems
{
    public static IResult For(ModelRegistryException ex, string model)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var (status, title) = ex.Problem switch
        {
            RegistryProblem.NotFound => (StatusCodes.Status404NotFound, "Model not found"),
            RegistryProblem.Corrupt => (StatusCodes.Status422UnprocessableEntity, "Model is corrupt"),
            RegistryProblem.VersionExists => (StatusCodes.Status409Conflict, "Model version conflict"),
            _ => (StatusCodes.Status400BadRequest, "Invalid model"),
        };
        return Problem(status, title, ex.Message, model);
    }

    public static IResult RegistryUnreadable(RequestFailedException ex, string model)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return Problem(StatusCodes.Status502BadGateway, "Model registry unreadable", $"Reading model '{model}' from the registry failed ({ex.Status} {ex.ErrorCode}).", model);
    }

    private static IResult Problem(int status, string title, string detail, string model) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["model"] = model });
}
