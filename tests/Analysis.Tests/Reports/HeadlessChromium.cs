using System.Diagnostics;

namespace LandUse.Analysis.Tests.Reports;

/// <summary>Opens a local HTML file in headless Chromium, saves a screenshot and returns what the browser logged.</summary>
internal static class HeadlessChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Locate()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), DefaultPath, "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail(
            $"Headless Chromium is needed to check the HTML report and was not found at {DefaultPath}. "
            + "Install the Debian package: apt-get update && apt-get install -y chromium (.ci/run does this in CI).");
        return DefaultPath;
    }

    /// <summary>Renders <paramref name="html"/> to <paramref name="screenshot"/>; returns Chromium's stderr (console messages included).</summary>
    public static async Task<string> ScreenshotAsync(string html, string screenshot, CancellationToken cancellationToken)
    {
        var (output, log) = await RunAsync(html, [$"--screenshot={screenshot}", "--window-size=1200,2000"], cancellationToken);
        return log + output;
    }

    /// <summary>Loads <paramref name="html"/> and returns the DOM as the browser built it (serialized after parsing).</summary>
    public static async Task<(string Dom, string Log)> DumpDomAsync(string html, CancellationToken cancellationToken) =>
        await RunAsync(html, ["--dump-dom"], cancellationToken);

    private static async Task<(string Output, string Log)> RunAsync(string html, string[] mode, CancellationToken cancellationToken)
    {
        var profile = Path.Combine(Path.GetTempPath(), "landuse-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Locate())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
        }.Concat(mode).Append(new Uri(Path.GetFullPath(html)).AbsoluteUri))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Headless Chromium did not finish within 90 s.");
            }

            var (output, log) = (await stdout, await stderr);
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}:\n{log}{output}");
            return (output, log);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be releasing its profile; a leftover temp folder is harmless.
            }
        }
    }

    /// <summary>Console messages Chromium logged (any message at all from a report without scripts is a fault).</summary>
    public static IReadOnlyList<string> ConsoleErrors(string log) =>
        log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToArray();
}
