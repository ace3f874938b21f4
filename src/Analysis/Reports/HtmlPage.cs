using System.Globalization;
using System.Net;
using System.Text;

namespace LandUse.Analysis.Reports;

/// <summary>
/// Builds one self-contained HTML page: inline CSS, images as base64 data URIs, no scripts, fonts or links to fetch,
/// so a report opens anywhere (mail attachment, blob download, headless browser) exactly as written. The one exception
/// is a comparison's review sheet: its hundreds of thumbnails are files beside the page, lazy-loaded, so the page stays light.
/// </summary>
internal sealed class HtmlPage
{
    private const string Style = """
        body{font-family:sans-serif;margin:24px;color:#222;max-width:1200px}
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}
        th{background:#eee}td.l,th.l{text-align:left}
        img{border:1px solid #999;margin:4px 8px 4px 0;image-rendering:pixelated;vertical-align:top}
        figure{display:inline-block;margin:0 12px 12px 0}figcaption{font-size:.9em;color:#555}
        .sw{display:inline-block;width:12px;height:12px;border:1px solid #777;margin:0 4px 0 12px}
        .note{color:#555}
        .rv{border-top:1px solid #ddd;padding:4px 0 8px}.rv h3{font-size:1em;margin:6px 0 2px}.rv p{margin:2px 0}
        .ph{display:flex;align-items:center;justify-content:center;background:#eee;color:#777;border:1px solid #ccc;margin:4px 8px 4px 0}
        """;

    private readonly StringBuilder _body = new();

    public HtmlPage(string title)
    {
        Title = title;
        Heading(1, title);
    }

    public string Title { get; }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Fixed(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    public HtmlPage Heading(int level, string text)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Encode(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, bool note = false)
    {
        _body.Append(note ? "<p class=\"note\">" : "<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A table whose first column is left-aligned (row labels); cells are encoded.</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<table><thead><tr>");
        for (var i = 0; i < header.Count; i++)
        {
            _body.Append(i == 0 ? "<th class=\"l\">" : "<th>").Append(Encode(header[i])).Append("</th>");
        }

        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                _body.Append(i == 0 ? "<td class=\"l\">" : "<td>").Append(Encode(row[i])).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>Key/value pairs as a two-column table.</summary>
    public HtmlPage Facts(IEnumerable<(string Key, string Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _body.Append("<table><tbody>\n");
        foreach (var (key, value) in facts)
        {
            _body.Append("<tr><th class=\"l\">").Append(Encode(key)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        }

        _body.Append("</tbody></table>\n");
        return this;
    }

    public HtmlPage BeginFigures()
    {
        _body.Append("<div>\n");
        return this;
    }

    public HtmlPage EndFigures()
    {
        _body.Append("</div>\n");
        return this;
    }

    /// <summary>An inline PNG with a caption.</summary>
    public HtmlPage Image(byte[] png, string caption)
    {
        ArgumentNullException.ThrowIfNull(png);
        _body.Append("<figure><img alt=\"").Append(Encode(caption)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    /// <summary>
    /// A figure showing an image file beside the page (<paramref name="src"/> relative, made of safe path characters),
    /// lazy-loaded with its size fixed so the page lays out before it loads; without a file, a placeholder box saying so.
    /// </summary>
    public HtmlPage LinkedImage(string? src, string alt, string caption, int width, int height)
    {
        _body.Append("<figure>");
        if (src is not null && src.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.') && !src.Contains("..", StringComparison.Ordinal))
        {
            _body.Append(CultureInfo.InvariantCulture, $"<img loading=\"lazy\" decoding=\"async\" width=\"{width}\" height=\"{height}\" src=\"{src}\" alt=\"")
                .Append(Encode(alt)).Append("\">");
        }
        else
        {
            _body.Append(CultureInfo.InvariantCulture, $"<div class=\"ph\" style=\"width:{width}px;height:{height}px\">no image</div>");
        }

        _body.Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    /// <summary>Opens a block (a div with a class from this page's style sheet) that <see cref="EndBlock"/> closes.</summary>
    public HtmlPage BeginBlock(string cssClass)
    {
        _body.Append("<div class=\"").Append(Encode(cssClass)).Append("\">\n");
        return this;
    }

    public HtmlPage EndBlock()
    {
        _body.Append("</div>\n");
        return this;
    }

    public HtmlPage Legend(IEnumerable<(SkiaSharp.SKColor Color, string Meaning)> entries)
    {
        _body.Append("<p>");
        foreach (var (color, meaning) in entries)
        {
            _body.Append("<span class=\"sw\" style=\"background:").Append(Maps.MapColors.Hex(color)).Append("\"></span>").Append(Encode(meaning));
        }

        _body.Append("</p>\n");
        return this;
    }

    public override string ToString() =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(Title)}</title><style>{Style}</style></head>\n<body>\n{_body}</body></html>\n";
}
