using System.Diagnostics;

namespace LandUse.Cli.Hosting;

/// <summary>
/// Runs this landuse program again as a child process: the one way to build its command line, whether this process is
/// the landuse app host, `dotnet landuse.dll`, or a test host. Used to re-launch with a raised processor count
/// (<see cref="ProcessorCountRelaunch"/>) and for measurements that must not share a process (peak working set).
/// </summary>
internal static class SelfLaunch
{
    /// <summary>The start info that runs landuse with <paramref name="args"/>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var assembly = typeof(SelfLaunch).Assembly.Location;
        var host = Environment.ProcessPath;
        ProcessStartInfo start;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == Path.GetFileNameWithoutExtension(assembly))
        {
            start = new ProcessStartInfo(host);
        }
        else
        {
            // Not the app host (dotnet, or a test runner): run the landuse assembly with the dotnet host.
            var dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path
                : "dotnet";
            start = new ProcessStartInfo(dotnet);
            start.ArgumentList.Add(assembly);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.UseShellExecute = false;
        return start;
    }

    /// <summary>Runs landuse with <paramref name="args"/> to the end and captures its output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args, CancellationToken ct)
    {
        var start = StartInfo(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start a landuse child process.");
        var output = child.StandardOutput.ReadToEndAsync(ct);
        var error = child.StandardError.ReadToEndAsync(ct);
        try
        {
            await child.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        return (child.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
