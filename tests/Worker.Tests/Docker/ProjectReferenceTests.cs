using System.Reflection;
using System.Xml.Linq;

namespace LandUse.Worker.Tests.Docker;

/// <summary>The worker image builds from Scoring and the worker alone: the worker references no other project of ours.</summary>
public sealed class ProjectReferenceTests
{
    [Fact]
    public void The_worker_references_Scoring_and_no_other_LandUse_project()
    {
        var root = typeof(ProjectReferenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var references = XDocument.Load(Path.Combine(root, "src", "Worker", "Worker.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
            .ToList();

        Assert.Equal(["Scoring"], references);
    }
}
