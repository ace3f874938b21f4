namespace LandUse.Cli.Tests.Demo;

/// <summary>Demo-bundle tests change process environment variables, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoGroup
{
    public const string Name = "demo bundle";
}
