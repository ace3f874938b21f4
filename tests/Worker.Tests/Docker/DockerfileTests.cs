using System.Reflection;

namespace LandUse.Worker.Tests.Docker;

/// <summary>Docker cannot run in CI; these pin what the images must have by reading the Dockerfiles.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string, bool> Images => new()
    {
        { "Dockerfile", "nvidia/cuda", true },
        { "Dockerfile.cpu", "mcr.microsoft.com/dotnet/aspnet:10.0", false },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_image_builds_in_stages_and_runs_the_worker_as_non_root_on_8080(string file, string runtimeBase, bool gpu)
    {
        var instructions = DockerfileInstructions.Parse(Path.Combine(RepositoryRoot(), "src", "Worker", file));
        var stages = instructions.Where(i => i.Op == "FROM").ToList();
        var final = DockerfileInstructions.FinalStage(instructions);
        var resolvedBase = DockerfileInstructions.FinalBase(instructions);

        Assert.True(stages.Count >= 2, $"{file} must be multi-stage.");
        Assert.Contains(stages, s => s.Args.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal));
        Assert.StartsWith(runtimeBase, resolvedBase, StringComparison.Ordinal);
        var user = Assert.Single(final, i => i.Op == "USER").Args;
        Assert.True(user is "app" or "1654", $"{file} must run as the non-root user app (uid 1654), not '{user}'.");
        Assert.Contains(final, i => i.Op == "EXPOSE" && i.Args == "8080");
        Assert.Contains(final, i => i.Op == "ENV" && i.Args.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Op == "ENTRYPOINT" && i.Args.Contains("LandUse.Worker.dll", StringComparison.Ordinal));
        var publish = Assert.Single(instructions, i => i.Op == "RUN" && i.Args.Contains("dotnet publish src/Worker/Worker.csproj", StringComparison.Ordinal));
        Assert.Equal(gpu, publish.Args.Contains("-p:Gpu=true", StringComparison.Ordinal));
        Assert.Equal(gpu, final.Any(i => i.Op == "ENV" && i.Args.Contains("Worker__Provider=Cuda", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("Dockerfile.cpu")]
    public void The_image_bakes_no_model_and_names_none(string file)
    {
        var instructions = DockerfileInstructions.Parse(Path.Combine(RepositoryRoot(), "src", "Worker", file));

        // Models come from the registry at run time: no training stage, no bundle copied in, no Worker__ModelPath.
        Assert.DoesNotContain(instructions, i => i.Op == "RUN" && (i.Args.Contains(" train ", StringComparison.Ordinal) || i.Args.Contains("src/Cli", StringComparison.Ordinal)));
        Assert.DoesNotContain(instructions, i => i.Op == "COPY" && (i.Args.Contains("model", StringComparison.OrdinalIgnoreCase) || i.Args.Contains(".onnx", StringComparison.Ordinal)));
        Assert.DoesNotContain(instructions, i => i.Op == "ENV" && i.Args.Contains("Worker__ModelPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_project_file_the_worker_restores_from_is_copied_before_restore()
    {
        var root = RepositoryRoot();
        foreach (var file in new[] { "Dockerfile", "Dockerfile.cpu" })
        {
            var instructions = DockerfileInstructions.Parse(Path.Combine(root, "src", "Worker", file));
            var copied = instructions.TakeWhile(i => !(i.Op == "RUN" && i.Args.Contains("dotnet restore", StringComparison.Ordinal)))
                .Where(i => i.Op == "COPY").Select(i => i.Args).ToList();
            foreach (var project in new[] { "src/Worker/Worker.csproj", "src/Scoring/Scoring.csproj" })
            {
                Assert.True(File.Exists(Path.Combine(root, project)), $"{project} is gone; update {file}.");
                Assert.Contains(copied, c => c.StartsWith(project + " ", StringComparison.Ordinal));
            }
        }
    }

    private static string RepositoryRoot()
    {
        var root = typeof(DockerfileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        Assert.True(File.Exists(Path.Combine(root, "LandUse.sln")), $"LandUse.sln not found in {root}.");
        return root;
    }
}
