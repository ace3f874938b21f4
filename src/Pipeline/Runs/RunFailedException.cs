namespace LandUse.Pipeline.Runs;

/// <summary>A run's orchestration failed (listing or storage broke after retries); tile failures never cause this.</summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException()
    {
    }

    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunFailedException(string instanceId, string reason)
        : base($"Run instance {instanceId} failed: {reason}")
    {
        InstanceId = instanceId;
    }

    public string? InstanceId { get; }
}
