namespace LandUse.MlNetBaseline;

/// <summary>Bad input (a missing folder, an unknown class, a missing argument): printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
