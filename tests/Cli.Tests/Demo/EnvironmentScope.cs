namespace LandUse.Cli.Tests.Demo;

/// <summary>Sets environment variables for one test and restores the previous values afterwards.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> previous = new(StringComparer.Ordinal);

    public EnvironmentScope Set(string name, string? value)
    {
        previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
