namespace OrderEats.Console.Model;

/// <summary>One page of a list and the total number of matches.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
