using Microsoft.Extensions.Configuration;

namespace LandUse.Pipeline.Connections;

/// <summary>
/// Resolves a connection <em>name</em> to its connection string, so secrets never travel in orchestration inputs
/// or history: values registered by the host (the CLI's --tables), then configuration (<c>name</c>,
/// <c>ConnectionStrings:name</c>), then the environment variable of that name.
/// </summary>
public sealed class StorageConnections(IConfiguration? configuration = null)
{
    private readonly Dictionary<string, string> _named = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>Registers (or replaces) a connection string under a name.</summary>
    public void Set(string name, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        lock (_gate)
        {
            _named[name] = connectionString;
        }
    }

    /// <summary>The connection string for <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">No registration, setting or environment variable has that name.</exception>
    public string Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (_named.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        var configured = configuration?[name] ?? configuration?.GetConnectionString(name) ?? Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException(
                $"Storage connection '{name}' is not set: register it, add it to configuration (or ConnectionStrings:{name}), or set the environment variable {name}.")
            : configured;
    }
}
