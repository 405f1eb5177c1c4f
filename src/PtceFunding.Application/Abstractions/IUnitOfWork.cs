using PtceFunding.Domain.Common;

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
}
