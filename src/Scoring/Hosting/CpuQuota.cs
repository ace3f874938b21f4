using System.Globalization;

namespace LandUse.Scoring.Hosting;

/// <summary>
/// The CPU quota of this process's cgroup, in whole cores: cgroup v2 <c>cpu.max</c> or v1 <c>cpu.cfs_quota_us</c> /
/// <c>cpu.cfs_period_us</c>, the tightest along the cgroup's path up to the mount root, rounded down (never below 1),
/// because a container limited to 1.5 CPUs that runs 2 busy threads is throttled. Null when no quota is set or the
/// files cannot be read. The .NET runtime applies the quota to Environment.ProcessorCount itself, but the local engine
/// overrides that count (DOTNET_PROCESSOR_COUNT), so thread budgets read the quota here.
/// </summary>
public static class CpuQuota
{
    /// <summary>The quota of this process, read from /proc and /sys.</summary>
    public static int? Read() => Read("/");

    /// <summary>The quota as seen under <paramref name="root"/> (a fake file system root in tests).</summary>
    public static int? Read(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        try
        {
            var cgroups = ReadLines(Path.Combine(root, "proc/self/cgroup"));
            var mounts = ReadLines(Path.Combine(root, "proc/self/mountinfo"));
            if (cgroups is null || mounts is null)
            {
                return null;
            }

            return Min(V2(root, cgroups, mounts), V1(root, cgroups, mounts));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Whole cores a quota of <paramref name="quota"/> per <paramref name="period"/> microseconds allows; null when unlimited.</summary>
    public static int? Cores(long quota, long period) =>
        quota <= 0 || period <= 0 ? null : (int)Math.Clamp(quota / period, 1, int.MaxValue);

    private static int? V2(string root, string[] cgroups, string[] mounts)
    {
        // "0::/path" is the unified hierarchy.
        var path = cgroups.Select(l => l.Split(':', 3)).FirstOrDefault(p => p.Length == 3 && p[0] == "0" && p[1].Length == 0)?[2];
        var mount = path is null ? null : MountOf(mounts, "cgroup2", _ => true);
        if (path is null || mount is null)
        {
            return null;
        }

        return Tightest(root, mount.Value, path, folder =>
        {
            var text = ReadFirstLine(Path.Combine(folder, "cpu.max"));
            var parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is { Length: 2 } && parts[0] != "max"
                ? Cores(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture))
                : null;
        });
    }

    private static int? V1(string root, string[] cgroups, string[] mounts)
    {
        // "N:cpu,cpuacct:/path": the hierarchy whose controllers include cpu.
        var path = cgroups.Select(l => l.Split(':', 3))
            .FirstOrDefault(p => p.Length == 3 && p[1].Split(',').Contains("cpu", StringComparer.Ordinal))?[2];
        var mount = path is null ? null : MountOf(mounts, "cgroup", options => options.Split(',').Contains("cpu", StringComparer.Ordinal));
        if (path is null || mount is null)
        {
            return null;
        }

        return Tightest(root, mount.Value, path, folder =>
        {
            var quota = ReadFirstLine(Path.Combine(folder, "cpu.cfs_quota_us"));
            var period = ReadFirstLine(Path.Combine(folder, "cpu.cfs_period_us"));
            return quota is null || period is null
                ? null
                : Cores(long.Parse(quota, CultureInfo.InvariantCulture), long.Parse(period, CultureInfo.InvariantCulture));
        });
    }

    /// <summary>
    /// The mount of a cgroup file system: its root inside the hierarchy and where it is mounted. A mountinfo line is
    /// "id parent dev root mountpoint options [optional fields] - fstype source superoptions".
    /// </summary>
    private static (string Root, string Point)? MountOf(string[] mounts, string fsType, Func<string, bool> superOptions)
    {
        foreach (var line in mounts)
        {
            var halves = line.Split(" - ", 2, StringSplitOptions.None);
            if (halves.Length != 2)
            {
                continue;
            }

            var left = halves[0].Split(' ');
            var right = halves[1].Split(' ');
            if (left.Length >= 5 && right.Length >= 3 && right[0] == fsType && superOptions(right[2]))
            {
                return (Unescape(left[3]), Unescape(left[4]));
            }
        }

        return null;
    }

    /// <summary>The smallest quota from the process's own cgroup folder up to the mount point.</summary>
    private static int? Tightest(string root, (string Root, string Point) mount, string cgroupPath, Func<string, int?> quotaOf)
    {
        // Inside a container the mount's root is usually the process's own cgroup: the path is then relative to it.
        var relative = cgroupPath.StartsWith(mount.Root, StringComparison.Ordinal) ? cgroupPath[mount.Root.Length..] : cgroupPath;
        var mountFolder = Path.Combine(root, mount.Point.TrimStart('/'));
        var folder = Path.Combine(mountFolder, relative.Trim('/'));
        int? tightest = null;
        while (true)
        {
            if (Directory.Exists(folder))
            {
                tightest = Min(tightest, quotaOf(folder));
            }

            if (Path.GetFullPath(folder).TrimEnd('/') == Path.GetFullPath(mountFolder).TrimEnd('/'))
            {
                return tightest;
            }

            folder = Path.GetDirectoryName(folder) ?? mountFolder;
        }
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string[]? ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : null;

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;

    /// <summary>mountinfo escapes spaces, tabs, newlines and backslashes as octal (\040).</summary>
    private static string Unescape(string field) =>
        field.Contains('\\', StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString())
            : field;
}
