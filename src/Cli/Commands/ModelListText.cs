using System.Globalization;
using System.Text;
using LandUse.Scoring.Registry;

namespace LandUse.Cli.Commands;

/// <summary>How `landuse model list` and `model publish` print registry versions.</summary>
internal static class ModelListText
{
    private static readonly string[] Headers = ["name", "version", "created", "classes", "size"];

    /// <summary>"44.7 MiB", "812.0 KiB": model sizes at a glance.</summary>
    public static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB");

    /// <summary>An aligned table with a header line, or one line saying the registry is empty.</summary>
    public static string Table(IReadOnlyList<Row> rows, string registry)
    {
        if (rows.Count == 0)
        {
            return $"No models in {registry}." + Environment.NewLine;
        }

        var cells = rows.Select(r => new[] { r.Name, r.Version, r.Created.ToString("u", CultureInfo.InvariantCulture), string.Join(",", r.Classes), Size(r.Bytes) }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var line in cells.Prepend(Headers))
        {
            text.AppendLine(string.Join("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        return text.ToString();
    }

    /// <summary>One version as listed (and as <c>--json</c> prints it).</summary>
    public sealed record Row(string Model, string Name, string Version, DateTimeOffset Created, IReadOnlyList<string> Classes, long Bytes, string Sha256, string Precision)
    {
        public static Row Of(RegistryVersion v)
        {
            ArgumentNullException.ThrowIfNull(v);
            return new Row(v.Reference.ToString(), v.Name, v.Version, v.Created, v.Labels, v.ModelBytes, v.Sha256, v.Manifest.Precision);
        }
    }
}
