using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LandUse.TestSupport;

/// <summary>What the proxy does with one storage call.</summary>
public enum StorageFault
{
    /// <summary>Forwarded unchanged.</summary>
    None,

    /// <summary>Answered 503 ServerBusy without reaching storage.</summary>
    ServerBusy,

    /// <summary>Held without an answer until the caller gives up (its network timeout), never reaching storage.</summary>
    Stall,

    /// <summary>The connection is dropped without an answer, never reaching storage.</summary>
    Reset,
}

/// <summary>
/// A real HTTP proxy in front of one Azurite endpoint that injects storage faults: calls are numbered (1-based) as they
/// arrive and <c>plan</c> picks each one's fault. Faulted calls never reach storage, so a client that does not retry
/// loses them. Shared-key signatures survive (they sign the path and headers, not the host).
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Expect" };
    private readonly WebApplication _app;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Uri _upstream;
    private readonly Func<int, StorageFault> _plan;
    private int _calls;
    private int _faults;

    private StorageFaultProxy(Uri upstream, Func<int, StorageFault> plan)
    {
        _upstream = upstream;
        _plan = plan;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Calls seen so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that got a fault.</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>The proxy's base address: the upstream's scheme and path on the proxy's port.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts a proxy for <paramref name="upstream"/> (an endpoint such as <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public static async Task<StorageFaultProxy> StartAsync(Uri upstream, Func<int, StorageFault> plan)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var proxy = new StorageFaultProxy(upstream, plan);
        await proxy._app.StartAsync();
        var bound = new Uri(proxy._app.Urls.First());
        proxy.Address = new UriBuilder(upstream) { Port = bound.Port }.Uri;
        return proxy;
    }

    /// <summary>
    /// <paramref name="connectionString"/> with its <c>BlobEndpoint</c> and/or <c>TableEndpoint</c> pointed at the given
    /// proxies.
    /// </summary>
    public static string Route(string connectionString, StorageFaultProxy? blob, StorageFaultProxy? table)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
            part.StartsWith("BlobEndpoint=", StringComparison.Ordinal) && blob is not null ? "BlobEndpoint=" + blob.Address.ToString().TrimEnd('/')
            : part.StartsWith("TableEndpoint=", StringComparison.Ordinal) && table is not null ? "TableEndpoint=" + table.Address.ToString().TrimEnd('/')
            : part);
        return string.Join(';', parts) + ";";
    }

    /// <summary>The endpoint named <paramref name="key"/> (e.g. <c>BlobEndpoint</c>) of a connection string.</summary>
    public static Uri Endpoint(string connectionString, string key)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var part = connectionString.Split(';').Single(p => p.StartsWith(key + "=", StringComparison.Ordinal));
        return new Uri(part[(key.Length + 1)..]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        var fault = _plan(call);
        if (fault != StorageFault.None)
        {
            Interlocked.Increment(ref _faults);
        }

        switch (fault)
        {
            case StorageFault.ServerBusy:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers["x-ms-error-code"] = "ServerBusy";
                return;
            case StorageFault.Stall:
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                context.Abort();
                return;
            case StorageFault.Reset:
                context.Abort();
                return;
        }

        await ForwardAsync(context);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var upstreamRoot = _upstream.GetLeftPart(UriPartial.Authority);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstreamRoot + raw));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || context.Request.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
