using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Messaging;

/// <summary>A request sent through the mediator; every request answers with a result.</summary>
public interface IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>Marks requests that change state: they run in a transaction and are audited.</summary>
public interface ICommandMarker;

/// <summary>
/// A command that commits step by step (claim, send, record) instead of in one transaction,
/// because it talks to the outside world in between — the outbox delivery.
/// </summary>
public interface IManagesOwnTransactions;

/// <summary>A request that changes state.</summary>
public interface ICommand<TResponse> : IRequest<TResponse>, ICommandMarker
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>A request that only reads.</summary>
public interface IQuery<TResponse> : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>Handles one request type.</summary>
public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

/// <summary>The rest of the pipeline, as seen from a behaviour.</summary>
public delegate Task<TResponse> NextStep<TResponse>();

/// <summary>A step around every request (logging, validation, authorization, transaction).</summary>
public interface IPipelineBehavior<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>
{
    Task<TResponse> Handle(TRequest request, NextStep<TResponse> next, CancellationToken cancellationToken);
}

/// <summary>Decides whether the current user may send this request about this resource.</summary>
public interface IAuthorizer<in TRequest>
{
    Task<Result> Authorize(TRequest request, CancellationToken cancellationToken);
}

/// <summary>Sends requests through the pipeline to their handler.</summary>
public interface ISender
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : IResult, IResultFactory<TResponse>;
}
