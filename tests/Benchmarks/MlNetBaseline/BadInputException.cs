namespace LandUse.MlNetBaseline;

/// <summary>
/// Bad input (a missing argument, folder or model, an unknown class folder, an unreadable image): printed as one line,
/// exit code 2, like `landuse` does.
/// </summary>
public sealed class BadInputException(string message) : Exception(message)
{
    /// <summary>
    /// ML.NET's cursor stops at the first image it cannot decode and wraps the reason (without the file's name) in
    /// worker exceptions: the innermost message is the one that says what went wrong.
    /// </summary>
    public static BadInputException FromPipeline(string what, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return new BadInputException($"{what}: {inner.Message} (ML.NET's pipeline stops at the first image it cannot read and does not name it)");
    }
}
