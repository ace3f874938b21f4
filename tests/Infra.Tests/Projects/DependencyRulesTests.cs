using System.Xml.Linq;
using LandUse.Infra.Tests.Bicep;

namespace LandUse.Infra.Tests.Projects;

/// <summary>
/// The dependency rules of ARCHITECTURE.md's project table, read from the project files: each project references only
/// the LandUse projects it may, and nothing depends on Cli, Functions or Worker.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Scoring", [] },
        { "Analysis", ["Scoring"] },
        { "Synthetic", [] },
        { "Geo", ["Scoring"] },
        // Geo: the Summarize and CompareRuns activities write GeoJSON footprints, and they run in Functions as well as the CLI.
        { "Pipeline", ["Scoring", "Analysis", "Geo"] },
        { "Functions", ["Pipeline"] },
        { "Worker", ["Scoring"] },
        { "Cli", ["Pipeline", "Geo", "Synthetic"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_project_references_only_the_projects_the_rules_allow(string project, string[] allowed)
    {
        Assert.Equal(allowed.Order(StringComparer.Ordinal), References(project).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_source_project_depends_on_Cli_Functions_or_Worker()
    {
        var sources = Directory.GetDirectories(Path.Combine(BicepCli.RepositoryRoot, "src")).Select(Path.GetFileName).OfType<string>();
        foreach (var project in sources.Where(p => File.Exists(Path.Combine(BicepCli.RepositoryRoot, "src", p, p + ".csproj"))))
        {
            Assert.DoesNotContain(References(project), r => r is "Cli" or "Functions" or "Worker");
        }
    }

    private static List<string> References(string project) =>
        [.. XDocument.Load(Path.Combine(BicepCli.RepositoryRoot, "src", project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))];
}
