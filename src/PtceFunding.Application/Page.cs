namespace PtceFunding.Application;

/// <summary>One page of a list, with the total so that the interface can paginate.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
