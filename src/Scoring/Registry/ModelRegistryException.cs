namespace LandUse.Scoring.Registry;

/// <summary>What went wrong with a registry model; callers map it to a status (400, 404, 409, 422) or a one-line error.</summary>
public enum RegistryProblem
{
    /// <summary>The name, or that version of it, is not in the registry.</summary>
    NotFound,

    /// <summary>The stored bytes do not hash to what the stored manifest says: never scored with.</summary>
    Corrupt,

    /// <summary>Publishing a version that already holds other bytes: versions are immutable.</summary>
    VersionExists,

    /// <summary>The bundle or reference cannot go into the registry at all (a name that is not a valid segment, ...).</summary>
    Invalid,
}

/// <summary>A registry model that cannot be used or published; the message is one line naming the model and the fix.</summary>
public sealed class ModelRegistryException : Exception
{
    public ModelRegistryException()
    {
    }

    public ModelRegistryException(string message)
        : base(message)
    {
    }

    public ModelRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelRegistryException(RegistryProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public RegistryProblem Problem { get; }
}
