using System.Text.RegularExpressions;

namespace LandUse.Worker.Tests.Docker;

/// <summary>A Dockerfile as (instruction, arguments) pairs: continuation lines joined, comments and blank lines dropped.</summary>
internal static partial class DockerfileInstructions
{
    public static List<(string Op, string Args)> Parse(string path)
    {
        var joined = ContinuationRegex().Replace(File.ReadAllText(path), " ");
        return [.. joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? WhitespaceRegex().Replace(p[1].Trim(), " ") : string.Empty))];
    }

    /// <summary>The default a global <c>ARG name=value</c> gives, or null when there is none.</summary>
    public static string? ArgDefault(IEnumerable<(string Op, string Args)> instructions, string name) =>
        instructions.Where(i => i.Op == "ARG" && i.Args.StartsWith(name + "=", StringComparison.Ordinal))
            .Select(i => i.Args.Split('=', 2)[1])
            .FirstOrDefault();

    /// <summary>The final stage's base image, with a <c>${ARG}</c> reference resolved to the ARG's default.</summary>
    public static string FinalBase(List<(string Op, string Args)> instructions)
    {
        var from = instructions.Last(i => i.Op == "FROM").Args.Split(' ')[0];
        return from.StartsWith("${", StringComparison.Ordinal)
            ? ArgDefault(instructions, from[2..^1]) ?? throw new InvalidOperationException($"The final FROM uses {from}, but no ARG gives it a default.")
            : from;
    }

    /// <summary>The instructions of the final stage, from its FROM on.</summary>
    public static List<(string Op, string Args)> FinalStage(List<(string Op, string Args)> instructions) =>
        [.. instructions.Skip(instructions.FindLastIndex(i => i.Op == "FROM"))];

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
