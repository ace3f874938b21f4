namespace LandUse.Pipeline.Stores;

/// <summary>
/// Walks waiting for their next page, by the token their last page returned. A few at most (one per run listing this
/// store at once); the oldest goes when more are parked, and a walk nobody takes back costs only a re-seek.
/// </summary>
internal sealed class ParkedWalks
{
    public const int Capacity = 8;

    private readonly Lock _gate = new();
    private readonly List<(string Token, FolderWalk Walk)> _walks = [];

    public void Park(string token, FolderWalk walk)
    {
        lock (_gate)
        {
            _walks.RemoveAll(w => w.Token == token);
            if (_walks.Count == Capacity)
            {
                _walks.RemoveAt(0);
            }

            _walks.Add((token, walk));
        }
    }

    /// <summary>The walk parked under <paramref name="token"/>, taken out so no other caller continues it too; null if none.</summary>
    public FolderWalk? Take(string token)
    {
        lock (_gate)
        {
            var at = _walks.FindIndex(w => w.Token == token);
            if (at < 0)
            {
                return null;
            }

            var walk = _walks[at].Walk;
            _walks.RemoveAt(at);
            return walk;
        }
    }
}
