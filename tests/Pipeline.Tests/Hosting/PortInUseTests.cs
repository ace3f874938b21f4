using System.Net.Sockets;
using LandUse.Pipeline.Hosting;

namespace LandUse.Pipeline.Tests.Hosting;

public sealed class PortInUseTests
{
    [Fact]
    public void A_bind_refused_as_address_in_use_is_recognised_however_deeply_wrapped()
    {
        var refused = new SocketException((int)SocketError.AddressAlreadyInUse);

        Assert.True(PortInUse.Caused(refused));
        Assert.True(PortInUse.Caused(new IOException("Failed to bind to address http://127.0.0.1:1: address already in use.", new InvalidOperationException("bind", refused))));
        Assert.True(PortInUse.Caused(new AggregateException(new TimeoutException(), new IOException("bind", refused))));
    }

    [Fact]
    public void Other_failures_are_not_retried_as_port_clashes()
    {
        Assert.False(PortInUse.Caused(new IOException("disk full")));
        Assert.False(PortInUse.Caused(new IOException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(PortInUse.Caused(new InvalidOperationException("no orchestrator named ScoreRun")));
    }

    [Fact]
    public async Task Two_engines_start_side_by_side_each_on_its_own_sidecar_port()
    {
        // Two engines at once each bind their own sidecar port; both must start and serve.
        await using var first = await EmbeddedEngine.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var second = await EmbeddedEngine.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(await first.Client.GetInstanceAsync("none", TestContext.Current.CancellationToken));
        Assert.Null(await second.Client.GetInstanceAsync("none", TestContext.Current.CancellationToken));
    }
}
