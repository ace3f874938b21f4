using LandUse.Scoring.Bundles;
using LandUse.Synthetic.Demo;

namespace LandUse.Worker.Tests.Support;

/// <summary>The real demo bundle (built once per machine, then cached) that every worker test scores with.</summary>
internal static class TestModel
{
    private static readonly Lazy<Task<string>> Path = new(() => DemoBundle.EnsureAsync(null, CancellationToken.None));

    public static Task<string> PathAsync() => Path.Value;

    /// <summary>
    /// Loads the bundle for in-process comparisons. Retries while another loader in this process holds the model
    /// file: reading the ONNX graph opens it exclusively (the workers started by other tests load it too).
    /// </summary>
    public static async Task<ModelBundle> LoadAsync()
    {
        var path = await PathAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ModelBundle.Load(path);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
