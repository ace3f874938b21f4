using System.Globalization;

namespace LandUse.Pipeline.Stores;

/// <summary>
/// Tiles in a local folder tree. Listing walks the tree in ordinal order of the refs, so a page's continuation
/// token is simply the last ref returned: listing streams (one folder's names in memory at a time) and a resumed
/// listing is stable. Each entry goes through <see cref="LocalEntryRules"/>: a symlink that leads out of the root, a FIFO
/// or device, a bad name or a file over the cap is listed as a counted error row and never read.
/// </summary>
public sealed class LocalFolderTileStore : ITileStore
{
    private readonly string _root;
    private readonly LocalEntryRules _entries;

    public LocalFolderTileStore(string root, TileEntryRules? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Tile folder '{root}' does not exist.");
        }

        _root = RealPath(full);
        _entries = new LocalEntryRules(IsUnderRoot, rules ?? TileEntryRules.Default);
    }

    public string Description => _root;

    /// <summary>The real (symlink-resolved) root folder.</summary>
    public string Root => _root;

    public Task<TilePage> ListPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = string.IsNullOrEmpty(continuationToken) ? null : TileRefs.Normalize(continuationToken);
        var tiles = new List<TileEntry>(Math.Min(pageSize, 4096));
        var more = Walk(_root, "", after, tiles, pageSize, cancellationToken);
        return Task.FromResult(new TilePage(tiles, more ? tiles[^1].Ref : null));
    }

    public async Task<TileContent> ReadAsync(string tileRef, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(tileRef);
        var path = Resolve(normalized);
        _entries.CheckReadable(path, normalized);
        var version = VersionOf(new FileInfo(path));
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new TileContent(normalized, bytes, version);
    }

    public async Task<byte[]?> TryReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var normalized = TileRefs.Normalize(relativePath);
        var path = Resolve(normalized);
        if (FileKinds.Of(path) == FileKind.Missing)
        {
            return null;
        }

        _entries.CheckReadable(path, normalized);
        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public Uri? TryGetUri(string tileRef) => null;

    /// <summary>The content version of a local file: size and last-write time, which change whenever the bytes do.</summary>
    internal static string VersionOf(FileInfo info) =>
        string.Create(CultureInfo.InvariantCulture, $"{info.Length}-{info.LastWriteTimeUtc.Ticks}");

    /// <summary>Maps a normalized ref to a real path, refusing any symlink on the way that leads out of the root.</summary>
    internal string Resolve(string normalizedRef)
    {
        var current = _root;
        foreach (var segment in normalizedRef.Split('/'))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
                if (!IsUnderRoot(target))
                {
                    throw new UnauthorizedAccessException($"Tile ref '{normalizedRef}' follows a symlink out of the store root '{_root}'.");
                }

                next = target;
            }

            current = next;
        }

        return current;
    }

    private bool Walk(string folder, string prefix, string? after, List<TileEntry> tiles, int pageSize, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var children = new List<(string Key, string Name, LocalEntry Entry)>();
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            var key = prefix + info.Name;
            var entry = _entries.Classify(info, key);
            if (entry.Kind != LocalEntryKind.Ignore)
            {
                children.Add((entry.Kind == LocalEntryKind.Folder ? key + "/" : key, info.Name, entry));
            }
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, name, entry) in children)
        {
            if (key.EndsWith('/'))
            {
                // Skip a whole subtree when every ref in it sorts at or before the continuation token.
                if (after is not null && string.CompareOrdinal(key, after) < 0 && !after.StartsWith(key, StringComparison.Ordinal))
                {
                    continue;
                }

                if (Walk(Path.Combine(folder, name), key, after, tiles, pageSize, cancellationToken))
                {
                    return true;
                }

                continue;
            }

            if (after is not null && string.CompareOrdinal(key, after) <= 0)
            {
                continue;
            }

            if (tiles.Count == pageSize)
            {
                return true;
            }

            tiles.Add(entry.File is { } file
                ? new TileEntry(key, VersionOf(file), file.Length) { Problem = entry.Problem }
                : new TileEntry(key, "", 0) { Problem = entry.Problem });
        }

        return false;
    }

    private bool IsUnderRoot(string path)
    {
        var real = RealPath(path);
        return real == _root || real.StartsWith(_root.EndsWith('/') ? _root : _root + "/", StringComparison.Ordinal);
    }

    private static string RealPath(string path)
    {
        // Resolve links component by component so a linked parent folder is seen through as well.
        var full = Path.GetFullPath(path);
        var rootOfPath = Path.GetPathRoot(full) ?? "/";
        var current = rootOfPath;
        foreach (var segment in full[rootOfPath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = RealPath(target.FullName);
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }
}
