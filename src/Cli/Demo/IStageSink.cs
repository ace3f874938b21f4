namespace LandUse.Cli.Demo;

/// <summary>Where the demo shows its stages: progress bars on a terminal, plain lines in logs and CI.</summary>
internal interface IStageSink
{
    IStage Begin(string name);
}

/// <summary>One stage's progress: a count out of a total, or a message while the total is unknown.</summary>
internal interface IStage
{
    void Update(double done, double total, string? detail = null);

    void Message(string detail);

    void Complete(string? detail = null);
}
