using Spectre.Console;

namespace LandUse.Cli.Demo;

/// <summary>Stages as Spectre.Console progress bars with rate and time remaining.</summary>
internal sealed class SpectreStageSink(ProgressContext context) : IStageSink
{
    public static Task RunAsync(Func<IStageSink, Task> body) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new SpinnerColumn(),
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => body(new SpectreStageSink(context)));

    public IStage Begin(string name) => new Stage(name, context.AddTask(Markup.Escape(name), maxValue: 1));

    private sealed class Stage(string name, ProgressTask task) : IStage
    {
        public void Update(double done, double total, string? detail = null)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, total);
            task.Value = Math.Min(done, task.MaxValue);
            if (detail is not null)
            {
                task.Description = Markup.Escape($"{name}: {detail}");
            }
        }

        public void Message(string detail)
        {
            task.IsIndeterminate = true;
            task.Description = Markup.Escape($"{name}: {detail}");
        }

        public void Complete(string? detail = null)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(detail is null ? name : $"{name}: {detail}");
            task.StopTask();
        }
    }
}
