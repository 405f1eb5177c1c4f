namespace PtceFunding.Application.Messaging;

/// <summary>A request that changes state: it runs in a transaction and is audited. It answers with a result.</summary>
public interface ICommand<TResponse> : Mediator.ICommand<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>A request that only reads. It answers with a result.</summary>
public interface IQuery<TResponse> : Mediator.IQuery<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>Handles one command.</summary>
public interface ICommandHandler<in TCommand, TResponse> : Mediator.ICommandHandler<TCommand, TResponse>
    where TCommand : ICommand<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>Handles one query.</summary>
public interface IQueryHandler<in TQuery, TResponse> : Mediator.IQueryHandler<TQuery, TResponse>
    where TQuery : IQuery<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>;

/// <summary>
/// A command that commits step by step (claim, send, record) instead of in one transaction,
/// because it talks to the outside world in between — the outbox delivery.
/// </summary>
public interface IManagesOwnTransactions;
