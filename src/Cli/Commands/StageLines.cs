using System.Globalization;

namespace LandUse.Cli.Commands;

/// <summary>Prints a progress line when a stage starts and at each tenth of the way, for commands with staged progress.</summary>
internal sealed class StageLines<T>(TextWriter writer, Func<T, (string Stage, int Done, int Total)> read) : IProgress<T>
{
    private string _stage = string.Empty;
    private int _lastTenth = -1;

    public void Report(T value)
    {
        var (stage, done, total) = read(value);
        var tenth = total > 0 ? done * 10 / total : 10;
        if (stage == _stage && tenth == _lastTenth)
        {
            return;
        }

        (_stage, _lastTenth) = (stage, tenth);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {done}/{total}"));
    }
}
