using OrderEats.Console.Model;

namespace OrderEats.Console.Storage;

/// <summary>What one ingested error-queue message changed: its failure record, the attempt count, and the groups it created.</summary>
internal sealed record IngestResult(string FailureId, int Attempts, bool Duplicate, IReadOnlyList<FailureGroup> NewGroups);
