namespace LandUse.Scoring.Training;

/// <summary>A labeled folder that cannot be trained on; the message names the folder and what is wrong.</summary>
public sealed class TrainingDataException : Exception
{
    public TrainingDataException()
    {
    }

    public TrainingDataException(string message)
        : base(message)
    {
    }

    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
