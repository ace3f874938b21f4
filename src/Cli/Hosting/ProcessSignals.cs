using System.Runtime.InteropServices;

namespace LandUse.Cli.Hosting;

/// <summary>POSIX signals to a process by pid (kill(2)); a no-op on other platforms.</summary>
internal static partial class ProcessSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Interrupt(int pid) => Send(pid, SigInt);

    public static void Terminate(int pid) => Send(pid, SigTerm);

    public static void Send(int pid, int signal)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Kill(pid, signal);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
