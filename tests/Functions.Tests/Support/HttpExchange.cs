using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LandUse.Functions.Tests.Support;

/// <summary>A response as a client sees it: status, headers and the JSON body.</summary>
internal sealed record HttpReply(int Status, IHeaderDictionary Headers, JsonElement Body)
{
    public string? ContentType => Headers.ContentType.ToString();

    public string Text(string property) => Body.GetProperty(property).GetString()!;
}

/// <summary>Builds real <see cref="DefaultHttpContext"/> requests and executes the handlers' <see cref="IResult"/>s into real responses.</summary>
internal static class HttpExchange
{
    private static readonly IServiceProvider ResultServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    public static HttpRequest Request(string method, string path, string? json = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = ResultServices };
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("landuse.example");
        request.Path = path;
        request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        var bytes = Encoding.UTF8.GetBytes(json ?? "");
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (json is not null)
        {
            request.ContentType = "application/json";
        }

        return request;
    }

    public static async Task<HttpReply> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = ResultServices };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        var text = Encoding.UTF8.GetString(body.ToArray());
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new HttpReply(context.Response.StatusCode, context.Response.Headers, document.RootElement.Clone());
    }
}
