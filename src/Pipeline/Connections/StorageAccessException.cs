namespace LandUse.Pipeline.Connections;

/// <summary>
/// A storage failure that retrying cannot fix (authentication, authorization, a missing container or table): its message
/// is one line naming the account, the container or table and the likely fix, and activities do not retry it.
/// </summary>
public sealed class StorageAccessException : Exception
{
    public StorageAccessException()
    {
    }

    public StorageAccessException(string message)
        : base(message)
    {
    }

    public StorageAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageAccessException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status the service answered (0 when no request was sent, e.g. no credential).</summary>
    public int Status { get; }

    /// <summary>The service's error code (<c>AuthorizationFailure</c>, <c>ContainerNotFound</c>, ...).</summary>
    public string? ErrorCode { get; }
}
