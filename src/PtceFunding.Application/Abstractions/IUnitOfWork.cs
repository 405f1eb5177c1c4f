namespace PtceFunding.Application.Abstractions;

/// <summary>Runs a command in one database transaction that also holds its audit entries and outbox messages.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Commits when <paramref name="work"/> succeeds, rolls everything back when it fails or throws;
    /// a unique constraint hit by a concurrent writer becomes a 409 conflict.
    /// </summary>
    Task<TResponse> InTransaction<TResponse>(string operation, Func<Task<TResponse>> work, CancellationToken cancellationToken)
        where TResponse : IResult, IResultFactory<TResponse>;

    /// <summary>
    /// Work outside the database that must wait for the commit (deleting the file of a replaced
    /// document). It runs once the transaction is committed; a failure is logged, not thrown.
    /// </summary>
    void OnCommitted(Func<Task> action);

    /// <summary>
    /// Undoes work done outside the database when the transaction does not commit (deleting a file
    /// stored for a document whose row was never written). A failure is logged, not thrown.
    /// </summary>
    void OnRolledBack(Func<Task> action);
}
