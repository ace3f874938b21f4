namespace LandUse.Cli.Demo;

/// <summary>
/// An exclusive lock between processes (and within one): a lock file held open with FileShare.None, retried until
/// free. The lock file is never deleted, so two processes can never both believe they hold it.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream stream;

    private FolderLock(FileStream stream) => this.stream = stream;

    public static async Task<FolderLock> AcquireAsync(string lockPath, Action onWait, CancellationToken ct)
    {
        var waited = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return new FolderLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!waited)
                {
                    waited = true;
                    onWait();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
