namespace LandUse.Analysis.Change;

/// <summary>A candidate with its place in the review order: 1 is the one the model is most sure of.</summary>
public sealed record RankedCandidate(int Rank, ChangeCandidate Candidate);
