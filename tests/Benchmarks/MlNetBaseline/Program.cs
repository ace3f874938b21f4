using System.Diagnostics;
using LandUse.MlNetBaseline;

// `train <labeled dir> --out <model.zip>` | `score <dir> --model <model.zip> --out <predictions.csv>`
var started = Stopwatch.GetTimestamp();
const string Usage = "usage: MlNetBaseline train <labeled dir> --out <model.zip> | score <dir> --model <model.zip> --out <predictions.csv>";

string Option(string name) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new BadInputException($"{args[0]} needs {name} <path>; {Usage}");

try
{
    if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
    {
        throw new BadInputException(Usage);
    }

    return args[0] switch
    {
        "train" => TrainCommand.Run(args[1], Option("--out"), Console.Out),
        "score" => ScoreCommand.Run(args[1], Option("--model"), Option("--out"), started, Console.Out),
        _ => throw new BadInputException($"unknown verb '{args[0]}'; {Usage}"),
    };
}
catch (BadInputException e)
{
    Console.Error.WriteLine($"MlNetBaseline: {e.Message}");
    return 2;
}
