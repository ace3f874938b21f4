using System.Diagnostics;

namespace LandUse.Integration.Fixtures;

/// <summary>The built <c>landuse</c> CLI (landuse.dll next to the tests) as a separate process, as a user runs it.</summary>
internal static class CliProcess
{
    /// <summary>
    /// Starts <c>dotnet landuse.dll args…</c> with output redirected. With <paramref name="relaunch"/> the CLI re-launches
    /// itself with DOTNET_PROCESSOR_COUNT raised, as from a shell; without, the started process is the one doing the work.
    /// </summary>
    public static Process Start(IEnumerable<string> args, bool relaunch = false)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "landuse.dll");
        Assert.True(File.Exists(cli), $"The landuse CLI is not built next to the tests ({cli}).");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (relaunch)
        {
            start.Environment.Remove("DOTNET_PROCESSOR_COUNT");
        }
        else
        {
            start.Environment["DOTNET_PROCESSOR_COUNT"] = "1024";
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the landuse CLI.");
    }

    /// <summary>Runs the CLI to the end: exit code, standard output and standard error.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) to a process.</summary>
    public static async Task InterruptAsync(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }
}
