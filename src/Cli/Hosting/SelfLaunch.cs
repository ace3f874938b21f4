using System.Diagnostics;

namespace LandUse.Cli.Hosting;

/// <summary>
/// Runs another landuse command in a child process and captures its output: for measurements that must not share a
/// process (peak working set). Works whether this process is the landuse app host, `dotnet landuse.dll`, or a test host.
/// </summary>
internal static class SelfLaunch
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> args, CancellationToken ct)
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
            start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet");
            start.ArgumentList.Add(assembly);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.UseShellExecute = false;
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
