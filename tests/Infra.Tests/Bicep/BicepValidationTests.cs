namespace LandUse.Infra.Tests.Bicep;

/// <summary>CI gate: the Bicep compiles and lints with no diagnostic at all (bicepconfig.json makes lint rules errors).</summary>
public sealed class BicepValidationTests(CompiledTemplate compiled)
{
    [Fact]
    public void Build_succeeds_with_no_diagnostics()
    {
        Assert.True(compiled.Build.ExitCode == 0, $"bicep build failed:\n{compiled.Build.StandardError}");
        Assert.True(string.IsNullOrWhiteSpace(compiled.Build.StandardError), $"bicep build printed diagnostics:\n{compiled.Build.StandardError}");
    }

    [Fact]
    public void Lint_is_clean()
    {
        var lint = compiled.Lint;

        Assert.True(lint.ExitCode == 0, $"bicep lint failed:\n{lint.StandardError}{lint.StandardOutput}");
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardError + lint.StandardOutput), $"bicep lint printed diagnostics:\n{lint.StandardError}{lint.StandardOutput}");
    }

    [Fact]
    public void Lint_rules_are_errors_in_bicepconfig()
    {
        var config = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep", "bicepconfig.json"));

        Assert.DoesNotContain("\"warning\"", config, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"no-unused-params\": { \"level\": \"error\" }", config, StringComparison.Ordinal);
        Assert.Contains("\"outputs-should-not-contain-secrets\": { \"level\": \"error\" }", config, StringComparison.Ordinal);
    }

    [Fact]
    public void No_registry_modules_are_referenced()
    {
        var bicepFiles = Directory.GetFiles(Path.Combine(BicepCli.RepositoryRoot, "infra", "bicep"), "*.bicep", SearchOption.AllDirectories);

        Assert.NotEmpty(bicepFiles);
        foreach (var file in bicepFiles)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("'br:", StringComparison.Ordinal) || text.Contains("'br/", StringComparison.Ordinal), $"{file} references a registry module, which CI cannot restore offline.");
        }
    }
}
