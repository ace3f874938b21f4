using System.Globalization;
using LandUse.Cli.Hosting;

namespace LandUse.Cli.Tests.Hosting;

/// <summary>A relaunched child watches the parent that launched it, and only it: processes the child starts do not inherit the watch.</summary>
[Collection(nameof(ParentWatchTests))]
[CollectionDefinition(nameof(ParentWatchTests), DisableParallelization = true)]
public sealed class ParentWatchTests
{
    [Fact]
    public void A_watching_child_does_not_pass_its_parent_on_to_the_processes_it_starts()
    {
        // This test host's real parent: alive, and its parent, so the watch keeps polling quietly.
        var stat = File.ReadAllText("/proc/self/stat");
        var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable(ParentWatch.PidVariable, parent.ToString(CultureInfo.InvariantCulture));

        ParentWatch.StartIfChild(TextWriter.Null);

        Assert.Null(Environment.GetEnvironmentVariable(ParentWatch.PidVariable));
        Assert.Null(Environment.GetEnvironmentVariable(ParentWatch.StartVariable));
    }
}
