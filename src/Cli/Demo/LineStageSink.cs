using System.Diagnostics;
using System.Globalization;

namespace LandUse.Cli.Demo;

/// <summary>Stages as plain lines (at most one every two seconds a stage) for logs, CI and redirected output.</summary>
internal sealed class LineStageSink(TextWriter output) : IStageSink
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    public IStage Begin(string name)
    {
        output.WriteLine($"[{name}] started");
        return new Stage(name, output);
    }

    private sealed class Stage(string name, TextWriter output) : IStage
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _last;

        public void Update(double done, double total, string? detail = null)
        {
            if (!Due())
            {
                return;
            }

            var elapsed = _clock.Elapsed.TotalSeconds;
            var eta = done > 0 && total > done ? (total - done) * elapsed / done : (double?)null;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{name}] {done:0}/{total:0}{(eta is { } s ? $", ETA {TimeSpan.FromSeconds(Math.Round(s)):mm\\:ss}" : "")}{(detail is null ? "" : " " + detail)}"));
        }

        public void Message(string detail)
        {
            if (Due())
            {
                output.WriteLine($"[{name}] {detail}");
            }
        }

        public void Complete(string? detail = null) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{name}] done in {_clock.Elapsed.TotalSeconds:0.0} s{(detail is null ? "" : ": " + detail)}"));

        private bool Due()
        {
            if (_last is { } last && _clock.Elapsed - last < Every)
            {
                return false;
            }

            _last = _clock.Elapsed;
            return true;
        }
    }
}
