using System.Diagnostics;
using System.Reflection;

namespace LandUse.Infra.Tests.Bicep;

/// <summary>Runs the Bicep CLI restored from NuGet, so CI needs no download and no Azure CLI.</summary>
internal static class BicepCli
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string MainBicep { get; } = Path.Combine(RepositoryRoot, "infra", "bicep", "main.bicep");

    public static string BicepPath { get; } = Metadata("BicepPath");

    /// <summary>Runs <c>bicep</c> with the arguments; fails with a clear message when the binary is missing.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        if (!File.Exists(BicepPath))
        {
            throw new FileNotFoundException($"Bicep CLI not found at {BicepPath}; restore tests/Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).", BicepPath);
        }

        if (!OperatingSystem.IsWindows())
        {
            EnsureExecutable(BicepPath);
        }

        var start = new ProcessStartInfo(BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BicepPath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    // NuGet extraction does not always keep the executable bit. The package is the linux-x64 build.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void EnsureExecutable(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see Infra.Tests.csproj.");
}

/// <summary>Exit code and both output streams of one Bicep CLI run.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError);
