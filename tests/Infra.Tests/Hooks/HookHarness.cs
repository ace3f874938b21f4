using System.Diagnostics;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Hooks;

/// <summary>
/// Runs an azd hook script from infra/hooks with <c>sh</c>, as azd does, against stand-in <c>az</c>, <c>azd</c> and
/// <c>curl</c> commands: each records its arguments (and the content of any <c>@file</c> argument) and answers from
/// rules, so a test drives the script through Graph and ARM answers and reads back what it did, in order.
/// </summary>
internal sealed class HookHarness : IDisposable
{
    private const string Stub = """
        #!/bin/sh
        tab="$(printf '\t')"
        call="$(basename "$0") $*"
        printf '%s\n' "$call" >>"$STUB_DIR/calls"
        for arg in "$@"; do
          case "$arg" in
            @*) { printf '%s\n' "--- ${arg#@}"; cat "${arg#@}"; } >>"$STUB_DIR/calls" ;;
          esac
        done
        n=0
        while IFS="$tab" read -r pattern after code output; do
          n=$((n + 1))
          # shellcheck disable=SC2254
          case "$call" in
            $pattern)
              count=$(($(cat "$STUB_DIR/count.$n" 2>/dev/null || echo 0) + 1))
              echo "$count" >"$STUB_DIR/count.$n"
              if [ "$count" -gt "$after" ]; then
                [ -z "$output" ] || printf '%s\n' "$output"
                exit "$code"
              fi
              ;;
          esac
        done <"$STUB_DIR/rules"
        exit 0
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("landuse-hook-").FullName;
    private readonly List<string> _rules = [];

    public HookHarness()
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        foreach (var command in new[] { "az", "azd", "curl" })
        {
            var path = Path.Combine(bin, command);
            File.WriteAllText(path, Stub.ReplaceLineEndings("\n") + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>
    /// A call whose command line (<c>az ad sp show ...</c>) matches the shell glob <paramref name="pattern"/> prints
    /// <paramref name="output"/> and exits <paramref name="exitCode"/>, from its (<paramref name="after"/> + 1)th match
    /// on; earlier matches fall through to later rules. Unmatched calls print nothing and succeed.
    /// </summary>
    public HookHarness On(string pattern, string output = "", int exitCode = 0, int after = 0)
    {
        _rules.Add($"{pattern}\t{after}\t{exitCode}\t{output}");
        return this;
    }

    public async Task<HookRun> RunAsync(string script, params (string Key, string Value)[] environment)
    {
        File.WriteAllText(Path.Combine(_root, "rules"), string.Join('\n', _rules) + "\n");
        File.WriteAllText(Path.Combine(_root, "calls"), string.Empty);
        var start = new ProcessStartInfo("sh", [Path.Combine(BicepCli.RepositoryRoot, "infra", "hooks", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = $"{Path.Combine(_root, "bin")}:/usr/bin:/bin";
        start.Environment["HOME"] = _root;
        start.Environment["STUB_DIR"] = _root;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        var calls = File.ReadAllLines(Path.Combine(_root, "calls"));
        return new HookRun(process.ExitCode, await stdout, await stderr, calls);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What a hook run did: its exit code, output, and the stand-in commands it called, in order.</summary>
internal sealed record HookRun(int ExitCode, string Output, string Error, IReadOnlyList<string> Calls)
{
    public int IndexOf(string prefix) => Calls.ToList().FindIndex(c => c.StartsWith(prefix, StringComparison.Ordinal));

    public int Count(string prefix) => Calls.Count(c => c.StartsWith(prefix, StringComparison.Ordinal));

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}\n--- calls\n{string.Join('\n', Calls)}";
}
